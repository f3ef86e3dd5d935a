# Exceptions that were retrieved (awaited, gathered, or read with
# exception()) and cancelled tasks are not reported: stderr stays empty.
import asyncio


async def fails(n):
    raise ValueError(f"failure {n}")


async def main():
    awaited = asyncio.create_task(fails(1))
    gathered = asyncio.create_task(fails(2))
    inspected = asyncio.create_task(fails(3))
    cancelled = asyncio.create_task(asyncio.sleep(10))
    try:
        await awaited
    except ValueError as e:
        print("awaited:", e)
    results = await asyncio.gather(gathered, return_exceptions=True)
    print("gathered:", results[0])
    await asyncio.sleep(0)
    print("inspected:", inspected.exception())
    cancelled.cancel()
    await asyncio.sleep(0)
    print("cancelled:", "yes" if cancelled.cancelled() else "no")


asyncio.run(main())
