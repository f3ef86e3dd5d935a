# Event.set() wakes every waiter, in the order they started waiting; wait()
# on a set event returns at once; clear() resets it.
import asyncio


async def waiter(name, event):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} woke")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.05)
    print("setting")
    event.set()
    print("is_set:", "yes" if event.is_set() else "no")
    await asyncio.gather(*tasks)
    if await event.wait():
        print("wait() on a set event returned True at once")
    event.clear()
    print("is_set after clear:", "yes" if event.is_set() else "no")


asyncio.run(main())
