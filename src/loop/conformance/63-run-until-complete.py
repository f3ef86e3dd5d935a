# A hand-made loop: run_until_complete returns the coroutine's result and the
# loop is not running afterwards.
import asyncio


async def answer():
    await asyncio.sleep(0.05)
    return 42


loop = asyncio.new_event_loop()
print("running before:", "yes" if loop.is_running() else "no")
print("result:", loop.run_until_complete(answer()))
print("running after:", "yes" if loop.is_running() else "no")
fut = loop.create_future()
loop.call_soon(fut.set_result, "from a callback")
print("future:", loop.run_until_complete(fut))
loop.close()
