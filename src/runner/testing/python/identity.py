import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print("a BaseEventLoop:", isinstance(loop, asyncio.BaseEventLoop))
    print("call_later returned a TimerHandle:", type(loop.call_later(1, print)).__name__)
    return loop

loop = asyncio.run(main())
print("closed after asyncio.run:", loop.is_closed())
fresh = asyncio.new_event_loop()
print("new_event_loop() is a BaseEventLoop:", isinstance(fresh, asyncio.BaseEventLoop), "and a new one:", fresh is not loop)
print("its run_until_complete:", fresh.run_until_complete(asyncio.sleep(0.01, "slept")))
fresh.close()
with asyncio.Runner() as runner:
    inner = runner.run(main())
    print("Runner() makes the same kind of loop:", type(inner) is type(loop))
print("Runner closed it:", inner.is_closed())
