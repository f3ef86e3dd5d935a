# cancel(msg) passes the message to the CancelledError raised inside the task
# and to the one raised by awaiting it.
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inside:", e)
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as e:
        print("outside:", e)


asyncio.run(main())
