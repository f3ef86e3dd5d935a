# Cancelling the future returned by gather cancels every child.
import asyncio


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    group = asyncio.gather(child("a"), child("b"))
    await asyncio.sleep(0.05)
    print("cancel gather:", "yes" if group.cancel() else "no")
    try:
        await group
    except asyncio.CancelledError:
        print("awaiting gather raised CancelledError")


asyncio.run(main())
