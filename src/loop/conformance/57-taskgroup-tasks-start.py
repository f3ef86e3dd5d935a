# TaskGroup.create_task schedules like create_task: children start only when
# the body yields to the loop.
import asyncio


async def child(name):
    print(f"{name} starts")
    await asyncio.sleep(0)
    print(f"{name} ends")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("one"))
        tg.create_task(child("two"))
        print("body: tasks created")
        await asyncio.sleep(0)
        print("body: after sleep(0)")
    print("group done")


asyncio.run(main())
