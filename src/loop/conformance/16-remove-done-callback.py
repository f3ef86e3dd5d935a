# remove_done_callback removes every registration of the callback and returns
# how many there were.
import asyncio


def shout(fut):
    print("shout", fut.result())


def whisper(fut):
    print("whisper", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(shout)
    fut.add_done_callback(whisper)
    fut.add_done_callback(shout)
    print("removed", fut.remove_done_callback(shout))
    print("removed", fut.remove_done_callback(shout))
    fut.set_result("hi")
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
