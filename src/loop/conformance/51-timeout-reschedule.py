# reschedule() moves the deadline: later to allow more time, or earlier.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.timeout(0.05) as cm:
        cm.reschedule(loop.time() + 0.2)
        print(f"deadline moved to +{cm.when() - start:.1f}s")
        await asyncio.sleep(0.1)
        print("survived past the original deadline")
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.1)
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"rescheduled timeout fired at {loop.time() - start:.1f}s")


asyncio.run(main())
