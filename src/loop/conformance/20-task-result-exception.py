# A task's return value is its result; an exception escaping the coroutine
# finishes the task with that exception.
import asyncio


async def ok():
    await asyncio.sleep(0)
    return 7


async def fails():
    await asyncio.sleep(0)
    raise ValueError("bad value")


async def main():
    good = asyncio.create_task(ok())
    bad = asyncio.create_task(fails())
    try:
        good.result()
    except asyncio.InvalidStateError:
        print("result() before done: InvalidStateError")
    print("good:", await good)
    try:
        await bad
    except ValueError as e:
        print("bad raised:", type(e).__name__, e)
    print("bad.exception():", type(bad.exception()).__name__)
    print("bad done:", "yes" if bad.done() else "no")


asyncio.run(main())
