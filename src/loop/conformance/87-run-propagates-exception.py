# An exception escaping main propagates out of asyncio.run.
import asyncio


async def main():
    await asyncio.sleep(0)
    raise LookupError("missing")


try:
    asyncio.run(main())
except LookupError as e:
    print("run raised", type(e).__name__, e)
