# Condition: notify(n) wakes n waiters in FIFO order, notify_all the rest;
# a woken waiter reacquires the lock before wait() returns.
import asyncio


async def consumer(name, cond):
    async with cond:
        print(f"{name} waiting")
        await cond.wait()
        print(f"{name} woke")


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(consumer(n, cond)) for n in ("a", "b", "c", "d")]
    await asyncio.sleep(0.05)
    async with cond:
        print("notify(1)")
        cond.notify(1)
    await asyncio.sleep(0.05)
    async with cond:
        print("notify(2)")
        cond.notify(2)
    await asyncio.sleep(0.05)
    async with cond:
        print("notify_all()")
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError:
        print("notify without the lock: RuntimeError")


asyncio.run(main())
