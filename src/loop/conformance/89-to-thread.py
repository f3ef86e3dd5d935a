# to_thread runs a blocking function in a worker thread and awaits its
# result; the loop keeps serving other tasks meanwhile.
import asyncio
import time


def blocking_sum(n):
    time.sleep(0.2)
    return sum(i * i for i in range(n))


async def ticker():
    for i in range(2):
        await asyncio.sleep(0.05)
        print("tick", i)


async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_sum, 10), ticker())
    print("sum of squares:", result)


asyncio.run(main())
