# create_task does not run the coroutine: its first step is scheduled with
# call_soon and runs when the creator yields to the loop.
import asyncio


async def child():
    print("child: first step")
    return "child result"


async def main():
    print("main: before create_task")
    task = asyncio.create_task(child())
    print("main: after create_task")
    asyncio.get_running_loop().call_soon(print, "callback scheduled after the task")
    result = await task
    print("main: got", result)


asyncio.run(main())
