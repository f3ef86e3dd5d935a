# Condition.wait_for(predicate) waits until the predicate is true, checking it
# each time the waiter is notified.
import asyncio


async def main():
    cond = asyncio.Condition()
    items = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: len(items) >= 3)
            print("consumer sees", len(items), "items")

    task = asyncio.create_task(consumer())
    for i in range(4):
        await asyncio.sleep(0.05)
        async with cond:
            items.append(i)
            print("produced", i)
            cond.notify_all()
    await task


asyncio.run(main())
