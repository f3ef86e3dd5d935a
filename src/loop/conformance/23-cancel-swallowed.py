# A task may catch CancelledError and return normally: it then finishes with
# a result, not cancelled, though cancelling() still counts the request.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancellation")
    await asyncio.sleep(0.05)
    return "finished anyway"


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    task.cancel()
    result = await task
    print("result:", result)
    print("cancelled:", "yes" if task.cancelled() else "no")
    print("cancelling:", task.cancelling())


asyncio.run(main())
