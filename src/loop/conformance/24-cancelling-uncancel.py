# cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio


async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker: cancelling() =", me.cancelling())
        print("worker: uncancel() ->", me.uncancel())
        print("worker: uncancel() ->", me.uncancel())
    await asyncio.sleep(0)
    print("worker: still running, cancelling() =", me.cancelling())
    return "ok"


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print("first cancel:", "yes" if task.cancel() else "no")
    print("second cancel:", "yes" if task.cancel() else "no")
    print("main: cancelling() =", task.cancelling())
    print("main: result", await task)


asyncio.run(main())
