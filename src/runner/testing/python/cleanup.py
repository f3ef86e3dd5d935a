import asyncio

async def ticks():
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0.01)
    finally:
        print("async generator: closed")

async def forever():
    try:
        await asyncio.sleep(3600)
    finally:
        print("leftover task: cancelled")

async def main():
    asyncio.create_task(forever())
    global gen
    gen = ticks()
    print("first tick:", await gen.__anext__())

asyncio.run(main())
print("after asyncio.run")
