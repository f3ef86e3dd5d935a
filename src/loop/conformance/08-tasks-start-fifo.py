# Tasks start in the order they were created, each in its own loop step.
import asyncio


async def worker(name):
    print(f"{name} starts")
    await asyncio.sleep(0)
    print(f"{name} continues")


async def main():
    tasks = [asyncio.create_task(worker(name)) for name in ("a", "b", "c")]
    print("all created")
    for task in tasks:
        await task
    print("all done")


asyncio.run(main())
