# Cancellation is coro.throw(CancelledError) at the current await.
import asyncio


async def f():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("I was cancelled!")
    else:
        return 111


coro = f()
coro.send(None)
coro.send(None)
try:
    coro.throw(asyncio.CancelledError)
except StopIteration as e:
    print("StopIteration: f returned", "nothing" if e.value is None else e.value)
