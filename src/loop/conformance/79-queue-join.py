# join() waits until task_done() has been called for every item put;
# task_done() too many times raises ValueError.
import asyncio


async def worker(q):
    while True:
        item = await q.get()
        await asyncio.sleep(0.05)
        print("processed", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    task = asyncio.create_task(worker(q))
    await q.join()
    print("join returned, unfinished work: none")
    task.cancel()
    try:
        q.task_done()
    except ValueError:
        print("extra task_done: ValueError")


asyncio.run(main())
