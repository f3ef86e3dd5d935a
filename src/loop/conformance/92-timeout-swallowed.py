# If the body swallows the cancellation that timeout() sent, the block ends
# normally: no TimeoutError, but expired() is still true.
import asyncio


async def main():
    async with asyncio.timeout(0.05) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("body swallowed the cancellation")
    print("no TimeoutError; expired:", "yes" if cm.expired() else "no")
    print("cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
