# The report of an exception escaping a callback: its message names the callback and
# its arguments, its context holds the handle. CPython adds where the function was
# defined (" at FILE:LINE"), which JavaScript cannot know: the twin strips it.
import asyncio
import re


def bad(n, label):
    raise ValueError("cb boom")


def without_source(text):
    return re.sub(r" at \S+:\d+", "", text)


def handler(loop, context):
    print("message:", without_source(context["message"]))
    print("handle:", without_source(repr(context["handle"])))
    print("exception:", type(context["exception"]).__name__, context["exception"])
    print("keys:", ", ".join(sorted(context)))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad, 1, "one")
    await asyncio.sleep(0.05)
    print("main done")


asyncio.run(main())
