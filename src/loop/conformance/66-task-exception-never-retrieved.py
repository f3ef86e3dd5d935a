# A task whose exception nobody retrieves is reported on stderr (logged as
# "Task exception was never retrieved"), not swallowed.
import asyncio


async def fails():
    raise ValueError("nobody looks at me")


async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(0.05)
    print("main done")


asyncio.run(main())
