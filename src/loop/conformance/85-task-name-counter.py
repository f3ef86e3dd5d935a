# In CPython 3.11 and 3.12, asyncio.create_task(coro, name=...) still draws a
# number from the Task-N counter (the task is created, then renamed), so the
# next unnamed task skips one. (3.13 no longer does.)
import asyncio


async def noop():
    pass


async def main():
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="named")
    c = asyncio.create_task(noop())
    print(a.get_name(), b.get_name(), c.get_name())
    await asyncio.gather(a, b, c)


asyncio.run(main())
