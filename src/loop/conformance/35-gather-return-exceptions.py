# With return_exceptions=True, failures are returned in place, in argument
# order, and every child runs to completion.
import asyncio


async def ok(value, delay):
    await asyncio.sleep(delay)
    return value


async def fail(message, delay):
    await asyncio.sleep(delay)
    raise ValueError(message)


async def main():
    results = await asyncio.gather(
        ok("a", 0.1), fail("b failed", 0.05), ok("c", 0.15), return_exceptions=True
    )
    for r in results:
        if isinstance(r, Exception):
            print("error:", type(r).__name__, r)
        else:
            print("value:", r)


asyncio.run(main())
