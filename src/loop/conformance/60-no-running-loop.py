# Outside a running loop, get_running_loop() raises RuntimeError.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError:
    print("outside: RuntimeError")


async def main():
    loop = asyncio.get_running_loop()
    print("inside: running" if loop.is_running() else "inside: not running")


asyncio.run(main())
