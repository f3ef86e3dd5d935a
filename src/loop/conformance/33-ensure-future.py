# ensure_future wraps a coroutine in a Task and returns a Future unchanged.
import asyncio


async def value():
    return "v"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("same future back:", "yes" if asyncio.ensure_future(fut) is fut else "no")
    coro = value()
    task = asyncio.ensure_future(coro)
    print("coroutine became a Task:", "yes" if isinstance(task, asyncio.Task) else "no")
    print("named", task.get_name())
    print("get_coro() is the coroutine:", "yes" if task.get_coro() is coro else "no")
    fut.set_result("f")
    print(await fut, await task)


asyncio.run(main())
