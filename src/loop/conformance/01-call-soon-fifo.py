# call_soon callbacks run in FIFO order, with their positional arguments.
import asyncio


def greet(who, punctuation):
    print(f"hello {who}{punctuation}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(greet, "first", "!")
    loop.call_soon(greet, "second", "?")
    loop.call_soon(print, "third", "with", "three args")
    print("scheduled three callbacks")
    await asyncio.sleep(0)
    print("main resumed")


asyncio.run(main())
