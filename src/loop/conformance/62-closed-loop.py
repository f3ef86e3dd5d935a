# A closed loop refuses new work with RuntimeError; closing twice is fine.
import asyncio


async def work():
    return 1


loop = asyncio.new_event_loop()
print("closed:", "yes" if loop.is_closed() else "no")
loop.close()
print("closed:", "yes" if loop.is_closed() else "no")
loop.close()
try:
    loop.call_soon(print, "never")
except RuntimeError:
    print("call_soon: RuntimeError")
try:
    loop.call_later(1, print, "never")
except RuntimeError:
    print("call_later: RuntimeError")
coro = work()
try:
    loop.run_until_complete(coro)
except RuntimeError:
    print("run_until_complete: RuntimeError")
finally:
    coro.close()
