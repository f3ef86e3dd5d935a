# Awaiting a coroutine runs it inside the current task, with no scheduling;
# wrapping it in a task defers it to the loop.
import asyncio


async def where(label):
    print(f"{label} runs in {asyncio.current_task().get_name()}")
    return label


async def main():
    asyncio.get_running_loop().call_soon(print, "a callback scheduled first")
    print(await where("awaited directly"))
    print(await asyncio.create_task(where("wrapped in a task")))


asyncio.run(main())
