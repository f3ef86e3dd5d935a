# shield() protects the inner task: cancelling the awaiter raises
# CancelledError there, while the inner task runs on to completion.
import asyncio


async def important():
    await asyncio.sleep(0.1)
    print("important work finished")
    return "saved"


async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("caller cancelled")
        raise


async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.05)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer is cancelled")
    print("inner cancelled:", "yes" if inner.cancelled() else "no")
    print("inner result:", await inner)


asyncio.run(main())
