# Any object whose __await__ returns an iterator is awaitable. A bare yield
# (None) hands control to the loop for one iteration, like sleep(0).
import asyncio


class Countdown:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n, 0, -1):
            print("countdown", i)
            yield
        return "liftoff"


async def other():
    for _ in range(3):
        print("other task runs")
        await asyncio.sleep(0)


async def main():
    task = asyncio.create_task(other())
    print(await Countdown(3))
    await task


asyncio.run(main())
