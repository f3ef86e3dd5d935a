# Lock waiters acquire in FIFO order; async with releases on exit.
import asyncio


async def worker(name, lock):
    print(f"{name} wants the lock")
    async with lock:
        print(f"{name} holds the lock")
        await asyncio.sleep(0.05)
    print(f"{name} released")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(n, lock) for n in ("a", "b", "c")))
    print("locked at the end:", "yes" if lock.locked() else "no")


asyncio.run(main())
