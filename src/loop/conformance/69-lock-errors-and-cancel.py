# Releasing an unlocked Lock raises RuntimeError; a waiter cancelled while
# queued is skipped.
import asyncio


async def waiter(name, lock):
    try:
        async with lock:
            print(f"{name} got the lock")
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting")
        raise


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError:
        print("release unlocked: RuntimeError")
    await lock.acquire()
    a = asyncio.create_task(waiter("a", lock))
    b = asyncio.create_task(waiter("b", lock))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    lock.release()
    await asyncio.gather(a, b, return_exceptions=True)
    print("locked at the end:", "yes" if lock.locked() else "no")


asyncio.run(main())
