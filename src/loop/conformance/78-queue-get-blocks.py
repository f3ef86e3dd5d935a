# get() on an empty queue blocks; getters are served in FIFO order.
import asyncio


async def getter(name, q):
    print(f"{name} waiting")
    item = await q.get()
    print(f"{name} got {item}")


async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(n, q)) for n in ("g1", "g2", "g3")]
    await asyncio.sleep(0.05)
    for item in ("x", "y", "z"):
        q.put_nowait(item)
    print("put three items")
    await asyncio.gather(*tasks)


asyncio.run(main())
