# How many loop iterations an await costs, as seen by a ticker that prints
# once per iteration: a coroutine costs none; a task that returns at once costs
# two (its step, then the waiter's wake-up); a future set by a call_soon
# callback two (the callback, the wake-up); gather one more than a task.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def immediate():
    return "value"


async def main():
    loop = asyncio.get_running_loop()
    ticks = asyncio.create_task(ticker(12))
    await asyncio.sleep(0)

    print("awaiting a coroutine")
    await immediate()
    print("coroutine done")

    print("awaiting a new task")
    await asyncio.create_task(immediate())
    print("task done")

    print("awaiting a future set by call_soon")
    fut = loop.create_future()
    loop.call_soon(fut.set_result, None)
    await fut
    print("future done")

    print("awaiting gather of two coroutines")
    await asyncio.gather(immediate(), immediate())
    print("gather done")
    await ticks


asyncio.run(main())
