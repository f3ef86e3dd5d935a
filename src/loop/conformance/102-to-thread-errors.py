# to_thread: an exception raised in the thread is raised by the await; cancelling the
# awaiting task cancels at once, while the thread finishes on its own; calls run
# concurrently in the default executor.
import asyncio
import time


class QuotaError(Exception):
    pass


def fail(x):
    raise QuotaError(f"over quota by {x}")


def slow(ms):
    time.sleep(ms / 1000)
    return ms


async def main():
    try:
        await asyncio.to_thread(fail, 7)
    except Exception as e:
        print("caught", type(e).__name__, e)
    task = asyncio.create_task(asyncio.to_thread(slow, 300))
    await asyncio.sleep(0.05)
    print("cancel:", "yes" if task.cancel() else "no")
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", "yes" if task.cancelled() else "no")
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(asyncio.to_thread(slow, 200) for _ in range(3)))
    print("results", ", ".join(map(str, results)), "in parallel:", "yes" if loop.time() - start < 0.45 else "no")


asyncio.run(main())
