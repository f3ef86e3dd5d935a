# A callback scheduled from inside a callback waits for the next loop
# iteration: it runs after everything that was already in the ready queue.
import asyncio


def outer(loop, name):
    print(f"{name} runs")
    loop.call_soon(print, f"{name}'s child runs")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(outer, loop, "A")
    loop.call_soon(outer, loop, "B")
    loop.call_soon(print, "C runs")
    await asyncio.sleep(0.05)
    print("done")


asyncio.run(main())
