# A plain callback runs outside any task: current_task() is None there.
# A task's done callbacks receive the task itself.
import asyncio


def in_callback():
    print("in a callback, current task:", "none" if asyncio.current_task() is None else "some")


async def job():
    await asyncio.sleep(0)
    return 5


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(in_callback)
    task = asyncio.create_task(job(), name="job")
    task.add_done_callback(lambda t: print("done callback got", t.get_name(), "with", t.result()))
    print("awaited", await task)
    await asyncio.sleep(0)
    print("negative sleep returns", await asyncio.sleep(-1, "at once"))


asyncio.run(main())
