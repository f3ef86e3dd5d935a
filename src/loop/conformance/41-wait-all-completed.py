# wait() defaults to ALL_COMPLETED; failures stay inside the done tasks.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise KeyError(name)
    return name


async def main():
    tasks = [
        asyncio.create_task(job("x", 0.1)),
        asyncio.create_task(job("y", 0.05, fail=True)),
        asyncio.create_task(job("z", 0.15)),
    ]
    done, pending = await asyncio.wait(tasks)
    print("done:", len(done), "pending:", len(pending))
    for t in tasks:
        if t.exception() is not None:
            print("failed:", type(t.exception()).__name__)
        else:
            print("ok:", t.result())


asyncio.run(main())
