# gather() with no arguments returns an empty list; it accepts futures and
# tasks as well as coroutines.
import asyncio


async def coro():
    return "coro"


async def main():
    print("empty gather:", len(await asyncio.gather()))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.05, fut.set_result, "future")
    task = asyncio.create_task(coro())
    print(", ".join(await asyncio.gather(fut, task, coro())))


asyncio.run(main())
