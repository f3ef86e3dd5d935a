# Sleepers wake by deadline: shortest first, whatever the creation order.
import asyncio


async def nap(seconds, start):
    await asyncio.sleep(seconds)
    loop = asyncio.get_running_loop()
    print(f"woke after {seconds} (t={loop.time() - start:.1f})")


async def main():
    start = asyncio.get_running_loop().time()
    await asyncio.gather(nap(0.3, start), nap(0.1, start), nap(0.2, start))
    print("done")


asyncio.run(main())
