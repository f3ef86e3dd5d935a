# Two tasks awaiting the same Future wake in the order they started waiting
# (the order their wake-up callbacks were registered).
import asyncio


async def waiter(name, fut):
    print(f"{name} waits")
    value = await fut
    print(f"{name} got {value}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    first = asyncio.create_task(waiter("first", fut))
    second = asyncio.create_task(waiter("second", fut))
    await asyncio.sleep(0)
    fut.set_result("shared")
    print("result set")
    await asyncio.gather(first, second)


asyncio.run(main())
