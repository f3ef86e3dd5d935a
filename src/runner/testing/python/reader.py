import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.002, print, "A later")
    loop.call_soon(print, "B soon")
    await asyncio.sleep(0.05)

asyncio.run(main())
