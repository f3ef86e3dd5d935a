# wait(FIRST_COMPLETED) returns as soon as one task is done; the others stay
# pending and keep running.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = [
        asyncio.create_task(job("slow", 0.2)),
        asyncio.create_task(job("fast", 0.05)),
        asyncio.create_task(job("mid", 0.1)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", ", ".join(sorted(t.result() for t in done)))
    print("pending:", len(pending))
    done, pending = await asyncio.wait(pending)
    print("then done:", ", ".join(sorted(t.result() for t in done)))
    print("pending:", len(pending))


asyncio.run(main())
