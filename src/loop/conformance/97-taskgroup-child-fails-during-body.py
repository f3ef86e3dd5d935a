# A child failing while the body is still awaiting cancels the body too; the
# block then raises the ExceptionGroup, and the enclosing task is not left
# with a pending cancel request.
import asyncio


async def fail():
    await asyncio.sleep(0.05)
    raise ValueError("child failed")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("body cancelled by the failing child")
                raise
    except ExceptionGroup as eg:
        print("group:", ", ".join(f"{type(e).__name__}({e})" for e in eg.exceptions))
    print("main cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
