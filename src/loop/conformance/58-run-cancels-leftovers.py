# When main returns, asyncio.run cancels tasks still pending and lets them
# finish: their finally blocks run before run() returns.
import asyncio


async def background():
    try:
        print("background: started")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background: cancelled by run()")
        raise
    finally:
        print("background: finally")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.05)
    print("main: returning")
    return "main result"


print("run returned", asyncio.run(main()))
