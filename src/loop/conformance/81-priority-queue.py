# PriorityQueue returns the smallest entry first.
import asyncio


async def main():
    q = asyncio.PriorityQueue()
    for entry in [(3, "low"), (1, "urgent"), (2, "normal"), (0, "critical")]:
        q.put_nowait(entry)
    while not q.empty():
        priority, name = await q.get()
        print(priority, name)


asyncio.run(main())
