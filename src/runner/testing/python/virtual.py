import asyncio

from notebook_loop import VirtualTimeLoop


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1800, lambda: print("timer at", loop.time()))
    loop.call_soon(lambda: print("soon at", loop.time()))
    await asyncio.sleep(3600)
    print("woke at", loop.time())
    print("a BaseEventLoop:", isinstance(loop, asyncio.BaseEventLoop))
    return loop


with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
    loop = runner.run(main())
    loop.advance(5)
    print("advance(5):", loop.time())
