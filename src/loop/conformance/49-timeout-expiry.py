# async with timeout(): when the deadline passes, the body is cancelled and
# the block raises TimeoutError; expired() reports it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.1) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("body cancelled")
                raise
    except TimeoutError:
        print(f"TimeoutError after {loop.time() - start:.1f}s")
    print("expired:", "yes" if cm.expired() else "no")
    print("main task cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
