# Without return_exceptions, the first failure propagates to the awaiter at
# once; the other children are not cancelled and keep running.
import asyncio


async def fail():
    await asyncio.sleep(0.05)
    raise ValueError("child failed")


async def survivor():
    await asyncio.sleep(0.15)
    print("survivor finished anyway")
    return "survived"


async def main():
    surv = asyncio.create_task(survivor())
    try:
        await asyncio.gather(fail(), surv)
    except ValueError as e:
        print("gather raised:", e)
    print("survivor cancelled:", "yes" if surv.cancelled() else "no")
    print("survivor result:", await surv)


asyncio.run(main())
