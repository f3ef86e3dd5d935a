# Barrier(3): the first two parties wait for the third; all three pass
# together, and the barrier can be reused.
import asyncio


async def party(name, barrier, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrives ({barrier.n_waiting} already waiting)")
    await barrier.wait()
    print(f"{name} passes")


async def main():
    barrier = asyncio.Barrier(3)
    for round_ in (1, 2):
        print("round", round_)
        await asyncio.gather(
            party("a", barrier, 0.05), party("b", barrier, 0.1), party("c", barrier, 0.15)
        )
    print("parties:", barrier.parties, "waiting:", barrier.n_waiting)


asyncio.run(main())
