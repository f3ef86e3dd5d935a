# Cancelling a task that awaits another task cancels the awaited one too
# (the cancel goes to whatever the task is waiting on).
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise


async def outer(task):
    try:
        await task
    except asyncio.CancelledError:
        print("outer cancelled")
        raise


async def main():
    inner_task = asyncio.create_task(inner())
    outer_task = asyncio.create_task(outer(inner_task))
    await asyncio.sleep(0.05)
    outer_task.cancel()
    await asyncio.gather(outer_task, return_exceptions=True)
    print("inner cancelled:", "yes" if inner_task.cancelled() else "no")
    print("outer cancelled:", "yes" if outer_task.cancelled() else "no")


asyncio.run(main())
