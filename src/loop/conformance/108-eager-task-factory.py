# needs Python 3.12+: recorded under CPython 3.14 in Pyodide (see README.md).
# Eager tasks run their first step inside create_task(), as the task.
import asyncio

main_task = None


async def quick(name):
    print(f"{name}: runs in a task of its own:", asyncio.current_task() is not main_task)
    return name.upper()


async def slow(name):
    print(f"{name}: first step")
    await asyncio.sleep(0)
    print(f"{name}: after its wait")
    return name


async def fails():
    raise ValueError("at once")


async def main():
    loop = asyncio.get_running_loop()
    global main_task
    main_task = asyncio.current_task()
    lazy = asyncio.create_task(quick("lazy"), name="lazy")
    print("lazy created, done:", lazy.done())
    await lazy
    loop.set_task_factory(asyncio.eager_task_factory)
    print("factory set:", loop.get_task_factory() is asyncio.eager_task_factory)
    q = asyncio.create_task(quick("q"), name="q")
    print("q created, done:", q.done(), "result:", q.result())
    print("current task after is main:", asyncio.current_task() is main_task)
    s = asyncio.create_task(slow("s"), name="s")
    print("s created, done:", s.done(), "in all_tasks:", s in asyncio.all_tasks())
    print("s returned:", await s)
    f = asyncio.create_task(fails())
    print("f done:", f.done(), "exception:", repr(f.exception()))
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(slow("g1"))
        t2 = tg.create_task(slow("g2"))
        print("group tasks created")
    print("group:", t1.result(), t2.result())


asyncio.run(main())
