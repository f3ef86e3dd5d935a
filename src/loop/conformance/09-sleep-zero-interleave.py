# sleep(0) yields to the loop exactly once, so tasks that loop over it take
# turns, round robin.
import asyncio


async def counter(name, n):
    for i in range(n):
        print(f"{name}{i}")
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(counter("a", 3), counter("b", 2), counter("c", 4))
    print("done")


asyncio.run(main())
