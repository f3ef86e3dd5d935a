# Lock is fair: a task that releases and immediately re-acquires queues
# behind the waiter that was already there.
import asyncio


async def greedy(lock):
    for i in range(2):
        await lock.acquire()
        print(f"greedy acquired ({i})")
        await asyncio.sleep(0.05)
        lock.release()
        print(f"greedy released ({i})")


async def patient(lock):
    await asyncio.sleep(0)
    print("patient waits")
    async with lock:
        print("patient acquired")
        await asyncio.sleep(0.05)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(greedy(lock), patient(lock))


asyncio.run(main())
