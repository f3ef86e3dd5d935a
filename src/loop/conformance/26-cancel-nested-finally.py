# Cancellation unwinds nested awaits: each frame's finally runs, innermost
# first.
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner finally")


async def middle():
    try:
        await inner()
    finally:
        print("middle finally")


async def outer():
    try:
        await middle()
    except asyncio.CancelledError:
        print("outer caught CancelledError")
        raise
    finally:
        print("outer finally")


async def main():
    task = asyncio.create_task(outer())
    await asyncio.sleep(0.05)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("task cancelled:", "yes" if task.cancelled() else "no")


asyncio.run(main())
