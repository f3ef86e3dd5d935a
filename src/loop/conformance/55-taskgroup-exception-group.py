# Children that fail in the same loop iteration are all collected, in the
# order they finished; the ExceptionGroup carries asyncio's message.
import asyncio


async def fail(exc):
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("first")))
            tg.create_task(fail(KeyError("second")))
    except ExceptionGroup as eg:
        print("message:", eg.message)
        for e in eg.exceptions:
            print(" ", type(e).__name__)


asyncio.run(main())
