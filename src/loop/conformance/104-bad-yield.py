# A coroutine that yields something the task cannot wait on gets RuntimeError thrown
# back into it at that yield, and can carry on; so does one that yields a generator.
import asyncio


class Yields:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield self.value


def gen():
    yield


async def main():
    try:
        await Yields(42)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await Yields("text")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await Yields(gen())
    except RuntimeError as e:
        # Python's fix is `yield from`, ours `yield*`: compare the words before it.
        print("RuntimeError:", " ".join(str(e).split(" ")[:5]), "... for generator")
    print("main carried on")


asyncio.run(main())
