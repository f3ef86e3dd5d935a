# to_thread: an exception raised in the thread is raised by the await; cancelling the
# awaiting task cancels at once, while the thread finishes on its own; calls run
# in parallel in the default executor.
import asyncio
import threading
import time


class QuotaError(Exception):
    pass


def fail(x):
    raise QuotaError(f"over quota by {x}")


def slow(ms):
    time.sleep(ms / 1000)
    return ms


def meet(barrier):
    # Returns once every party is waiting at once: only calls that run in parallel get there.
    try:
        barrier.wait(timeout=5)
    except threading.BrokenBarrierError:
        return "alone"
    return "met"


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
    barrier = threading.Barrier(3)
    results = await asyncio.gather(*(asyncio.to_thread(meet, barrier) for _ in range(3)))
    print("three calls at once:", ", ".join(results))


asyncio.run(main())
