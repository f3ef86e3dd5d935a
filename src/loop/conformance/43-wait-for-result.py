# wait_for returns the result when the awaitable beats the timeout.
import asyncio


async def quick():
    await asyncio.sleep(0.05)
    return "in time"


async def main():
    print(await asyncio.wait_for(quick(), timeout=1))
    print(await asyncio.wait_for(quick(), timeout=None))


asyncio.run(main())
