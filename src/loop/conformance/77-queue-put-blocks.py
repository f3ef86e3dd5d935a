# With maxsize, put() blocks while the queue is full and resumes when a
# get() makes room.
import asyncio


async def producer(q):
    for i in range(4):
        print(f"putting {i}")
        await q.put(i)
        print(f"put {i} (qsize {q.qsize()})")


async def consumer(q):
    await asyncio.sleep(0.05)
    for _ in range(4):
        item = await q.get()
        print(f"got {item}")
        await asyncio.sleep(0.05)


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    print("full:", "yes" if q.full() else "no")


asyncio.run(main())
