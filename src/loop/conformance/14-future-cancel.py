# Cancelling a Future: cancel() returns True once, then the Future is done and
# cancelled; result() and exception() raise CancelledError with the message.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("first cancel:", "yes" if fut.cancel("no longer needed") else "no")
    print("second cancel:", "yes" if fut.cancel() else "no")
    print("done:", "yes" if fut.done() else "no")
    print("cancelled:", "yes" if fut.cancelled() else "no")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("result() raised CancelledError:", e)
    try:
        fut.exception()
    except asyncio.CancelledError as e:
        print("exception() raised CancelledError:", e)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("set_result after cancel: InvalidStateError")
    try:
        await fut
    except asyncio.CancelledError as e:
        print("await raised CancelledError:", e)


asyncio.run(main())
