# A task cancelled before its first step never runs its body: CancelledError
# is thrown into the coroutine at its very start.
import asyncio


async def body():
    print("never printed")


async def main():
    task = asyncio.create_task(body())
    task.cancel()
    print("cancelled before it ran")
    try:
        await task
    except asyncio.CancelledError:
        print("task raised CancelledError")
    print("cancelled:", "yes" if task.cancelled() else "no")


asyncio.run(main())
