# If the waiter that a release() woke is cancelled before it runs, the lock
# passes on to the next waiter instead of staying locked.
import asyncio


async def waiter(name, lock):
    try:
        async with lock:
            print(f"{name} got the lock")
    except asyncio.CancelledError:
        print(f"{name} cancelled after being woken")
        raise


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    first = asyncio.create_task(waiter("first", lock))
    second = asyncio.create_task(waiter("second", lock))
    await asyncio.sleep(0)
    lock.release()
    first.cancel()
    await asyncio.gather(first, second, return_exceptions=True)
    print("locked at the end:", "yes" if lock.locked() else "no")


asyncio.run(main())
