# A task awaiting a Future suspends until a callback sets its result.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_result, "from the timer")
    print("waiting")
    value = await fut
    print("got", value)


asyncio.run(main())
