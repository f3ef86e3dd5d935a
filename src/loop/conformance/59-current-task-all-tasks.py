# current_task() is the running task; all_tasks() the tasks not yet done.
import asyncio


async def child():
    me = asyncio.current_task()
    print("child sees itself as", me.get_name())
    await asyncio.sleep(0.1)


async def main():
    print("current:", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child(), name=f"child-{i}") for i in range(2)]
    await asyncio.sleep(0.05)
    print("all:", ", ".join(sorted(t.get_name() for t in asyncio.all_tasks())))
    await asyncio.gather(*tasks)
    print("after gather:", ", ".join(sorted(t.get_name() for t in asyncio.all_tasks())))


asyncio.run(main())
