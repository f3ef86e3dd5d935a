# Cancelling the task that runs a TaskGroup cancels the children, and the
# block raises CancelledError, not an ExceptionGroup.
import asyncio


async def child(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(f"{name} finally")


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("child"))
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("parent: CancelledError out of the block")
        raise


async def main():
    task = asyncio.create_task(parent())
    await asyncio.sleep(0.05)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: parent is cancelled")


asyncio.run(main())
