# sleep(delay, result) returns result; sleep(0) returns None.
import asyncio


async def main():
    value = await asyncio.sleep(0.05, "payload")
    print("sleep returned", value)
    nothing = await asyncio.sleep(0)
    print("sleep(0) returned None" if nothing is None else "sleep(0) returned a value")


asyncio.run(main())
