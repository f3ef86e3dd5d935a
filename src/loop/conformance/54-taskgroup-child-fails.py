# A failing child cancels its siblings; the block raises an ExceptionGroup
# holding the failure.
import asyncio


async def fail():
    await asyncio.sleep(0.05)
    raise ValueError("child failed")


async def sibling():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sibling cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            tg.create_task(sibling())
            print("body done, waiting")
    except ExceptionGroup as eg:
        print("caught", type(eg).__name__, "with", len(eg.exceptions), "exception(s)")
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)
    print("main continues")


asyncio.run(main())
