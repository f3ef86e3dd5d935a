# A timeout around a TaskGroup: on expiry the body and the children are
# cancelled, and the timeout turns that into a plain TimeoutError.
import asyncio


async def slow(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(slow("child"))
                await asyncio.sleep(10)
    except TimeoutError:
        print("TimeoutError, not an ExceptionGroup")
    print("cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
