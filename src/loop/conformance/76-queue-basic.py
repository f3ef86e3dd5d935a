# Queue is FIFO; qsize/empty/full describe it; maxsize=0 means unbounded.
import asyncio


async def main():
    q = asyncio.Queue()
    print("empty:", "yes" if q.empty() else "no", "full:", "yes" if q.full() else "no")
    for item in ("a", "b", "c"):
        await q.put(item)
    q.put_nowait("d")
    print("qsize:", q.qsize())
    print("got", await q.get(), q.get_nowait(), await q.get(), await q.get())
    print("empty:", "yes" if q.empty() else "no", "maxsize:", q.maxsize)


asyncio.run(main())
