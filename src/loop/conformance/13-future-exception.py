# A Future finished with an exception: exception() returns it, result() and
# await raise it.
import asyncio


class BoomError(Exception):
    pass


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(BoomError("boom"))
    exc = fut.exception()
    print("exception():", type(exc).__name__, exc)
    try:
        fut.result()
    except BoomError as e:
        print("result() raised", type(e).__name__, e)
    try:
        await fut
    except BoomError as e:
        print("await raised", type(e).__name__, e)
    print("cancelled:", "yes" if fut.cancelled() else "no")


asyncio.run(main())
