# A body that finishes before the deadline is unaffected, and timeout(None)
# never expires.
import asyncio


async def main():
    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.05)
        print("body finished in time")
    print("expired:", "yes" if cm.expired() else "no")
    async with asyncio.timeout(None) as cm:
        print("no deadline:", "yes" if cm.when() is None else "no")
        await asyncio.sleep(0.05)
    print("expired:", "yes" if cm.expired() else "no")


asyncio.run(main())
