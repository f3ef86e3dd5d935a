# Semaphore(2) lets two holders in at a time; others queue in FIFO order and
# get in as holders leave.
import asyncio


async def worker(name, sem, hold):
    async with sem:
        print(f"{name} in")
        await asyncio.sleep(hold)
        print(f"{name} out")


async def main():
    sem = asyncio.Semaphore(2)
    holds = {"a": 0.1, "b": 0.2, "c": 0.15, "d": 0.1, "e": 0.1}
    await asyncio.gather(*(worker(name, sem, hold) for name, hold in holds.items()))
    print("locked at the end:", "yes" if sem.locked() else "no")


asyncio.run(main())
