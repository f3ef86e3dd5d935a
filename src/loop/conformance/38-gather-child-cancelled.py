# If a child is cancelled (and return_exceptions is False) gather raises
# CancelledError; the other child is left running.
import asyncio


async def long_job():
    await asyncio.sleep(0.1)
    print("long job finished")
    return "long"


async def main():
    victim = asyncio.create_task(asyncio.sleep(10))
    other = asyncio.create_task(long_job())
    group = asyncio.gather(victim, other)
    await asyncio.sleep(0.05)
    victim.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print("other:", await other)


asyncio.run(main())
