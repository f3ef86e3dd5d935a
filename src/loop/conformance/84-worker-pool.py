# A pool of workers drains a queue; join() waits for the work, then the
# workers are cancelled.
import asyncio


async def worker(name, q, log):
    while True:
        delay = await q.get()
        await asyncio.sleep(delay)
        log.append(f"{name}:{delay}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for delay in (0.2, 0.05, 0.1, 0.15):
        q.put_nowait(delay)
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(2)]
    await q.join()
    print("log:", " ".join(log))
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print("workers cancelled:", sum(isinstance(r, asyncio.CancelledError) for r in results))


asyncio.run(main())
