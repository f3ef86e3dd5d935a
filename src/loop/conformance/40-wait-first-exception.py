# wait(FIRST_EXCEPTION) returns when a task raises; wait itself never raises
# the task's exception.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def boom(delay):
    await asyncio.sleep(delay)
    raise RuntimeError("boom")


async def main():
    tasks = [
        asyncio.create_task(job("quick", 0.05)),
        asyncio.create_task(boom(0.1)),
        asyncio.create_task(job("slow", 0.3)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", len(done), "pending:", len(pending))
    for t in tasks:
        if t in done:
            exc = t.exception()
            print(" ", "raised " + str(exc) if exc else "returned " + t.result())
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("slow cancelled:", "yes" if tasks[2].cancelled() else "no")


asyncio.run(main())
