# LifoQueue returns the most recently added entry first.
import asyncio


async def main():
    q = asyncio.LifoQueue()
    for item in ("bottom", "middle", "top"):
        await q.put(item)
    while not q.empty():
        print(await q.get())


asyncio.run(main())
