# An exception escaping a callback goes to the loop's exception handler with
# a context dict; the loop keeps running.
import asyncio


def broken():
    raise ZeroDivisionError("division by zero")


def handler(loop, context):
    exc = context["exception"]
    print("handler:", " ".join(context["message"].split(" ")[0:3]), "-", type(exc).__name__, exc)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(broken)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0.05)
    print("main done")


asyncio.run(main())
