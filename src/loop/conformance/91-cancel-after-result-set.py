# A task whose awaited future got its result, but which has not resumed yet,
# can still be cancelled: cancel() returns True and the CancelledError wins
# over the result.
import asyncio


async def waiter(fut):
    try:
        value = await fut
        print("waiter got", value)
    except asyncio.CancelledError:
        print("waiter cancelled although the future had a result")
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.set_result("too late")
    print("cancel:", "yes" if task.cancel() else "no")
    await asyncio.gather(task, return_exceptions=True)
    print("task cancelled:", "yes" if task.cancelled() else "no")


asyncio.run(main())
