# On timeout, wait_for cancels the inner task, waits for it to finish its
# cleanup, then raises TimeoutError.
import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow: cancelled, cleaning up")
        await asyncio.sleep(0.1)
        print("slow: cleanup done")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(slow(), timeout=0.1)
    except TimeoutError:
        print(f"main: TimeoutError after {loop.time() - start:.1f}s")


asyncio.run(main())
