# asyncio.run() refuses to start while a loop is running in this thread.
import asyncio


async def inner():
    return "never"


async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError:
        print("nested run: RuntimeError")
    finally:
        coro.close()
    return "outer ok"


print(asyncio.run(main()))
