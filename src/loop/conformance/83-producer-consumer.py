# A two-stage pipeline: producer -> square -> printer, connected by bounded
# queues and shut down with a sentinel.
import asyncio

DONE = None


async def producer(out):
    for i in range(1, 5):
        await out.put(i)
        print("produced", i)
    await out.put(DONE)


async def square(inp, out):
    while (item := await inp.get()) is not DONE:
        await asyncio.sleep(0.05)
        await out.put(item * item)
    await out.put(DONE)


async def printer(inp):
    total = 0
    while (item := await inp.get()) is not DONE:
        print("consumed", item)
        total += item
    return total


async def main():
    a, b = asyncio.Queue(maxsize=1), asyncio.Queue(maxsize=1)
    _, _, total = await asyncio.gather(producer(a), square(a, b), printer(b))
    print("total", total)


asyncio.run(main())
