# wait(timeout=...) returns what is done when time runs out, without raising
# and without cancelling the rest.
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.05, 0.3, 0.4)]
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print("done:", ", ".join(str(t.result()) for t in done))
    print("pending:", len(pending))
    print("any pending cancelled:", "yes" if any(t.cancelled() for t in pending) else "no")
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("all cancelled now:", "yes" if all(t.cancelled() for t in pending) else "no")


asyncio.run(main())
