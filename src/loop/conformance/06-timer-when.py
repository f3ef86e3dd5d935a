# call_later(delay) is call_at(loop.time() + delay); TimerHandle.when() tells
# the deadline.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    handle = loop.call_later(0.5, print, "unused")
    print(f"deadline in {handle.when() - now:.1f}s")
    at = loop.call_at(now + 0.1, print, "call_at fired")
    print(f"call_at deadline in {at.when() - now:.1f}s")
    handle.cancel()
    await asyncio.sleep(0.2)
    print("done")


asyncio.run(main())
