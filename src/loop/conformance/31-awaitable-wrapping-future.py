# An awaitable may delegate to a Future: the task suspends until the Future
# is done.
import asyncio


class Delayed:
    def __init__(self, delay, value):
        loop = asyncio.get_running_loop()
        self.fut = loop.create_future()
        loop.call_later(delay, self.fut.set_result, value)

    def __await__(self):
        print("Delayed: waiting on the future")
        result = yield from self.fut.__await__()
        return f"delayed {result}"


async def main():
    print(await Delayed(0.05, "value"))


asyncio.run(main())
