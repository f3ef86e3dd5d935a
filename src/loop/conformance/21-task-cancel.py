# Cancelling a sleeping task throws CancelledError into it at its await; its
# finally block runs, and awaiting the task raises CancelledError.
import asyncio


async def sleeper():
    try:
        print("sleeper: going to sleep")
        await asyncio.sleep(10)
        print("sleeper: never reached")
    except asyncio.CancelledError:
        print("sleeper: cancelled")
        raise
    finally:
        print("sleeper: finally")


async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.05)
    print("cancel returned", "yes" if task.cancel() else "no")
    print("cancelled right away:", "yes" if task.cancelled() else "no")
    try:
        await task
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print("cancelled now:", "yes" if task.cancelled() else "no")
    print("cancel again:", "yes" if task.cancel() else "no")


asyncio.run(main())
