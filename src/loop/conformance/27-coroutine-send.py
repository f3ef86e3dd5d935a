# The loop drives a coroutine with send(None); its return value arrives as
# StopIteration.value.
import asyncio


async def f():
    return 123


async def two_steps():
    print("step 1")
    await asyncio.sleep(0)
    print("step 2")
    return "two"


coro = f()
try:
    coro.send(None)
except StopIteration as e:
    print("The answer was:", e.value)

coro = two_steps()
yielded = coro.send(None)
print("first send yielded", "None (a bare yield to the loop)" if yielded is None else yielded)
try:
    coro.send(None)
except StopIteration as e:
    print("finished with", e.value)
