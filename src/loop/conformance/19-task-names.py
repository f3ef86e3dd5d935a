# Tasks are named Task-1, Task-2, ... in creation order; asyncio.run's main
# task is the first. Names can be given and changed.
import asyncio


async def noop():
    pass


async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop())
    c = asyncio.create_task(noop(), name="worker")
    print(a.get_name(), b.get_name(), c.get_name())
    b.set_name("renamed")
    print("b is now", b.get_name())
    await asyncio.gather(a, b, c)


asyncio.run(main())
