# An exception in the body of the block cancels the children and is itself
# wrapped in the ExceptionGroup.
import asyncio


async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.05)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        print("group of", len(eg.exceptions))
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)


asyncio.run(main())
