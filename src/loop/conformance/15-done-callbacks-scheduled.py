# Done callbacks are scheduled with call_soon when the future finishes, never
# called inline; they run in registration order. A callback added to a future
# that is already done is scheduled too.
import asyncio


def report(name):
    def callback(fut):
        print(f"callback {name} sees {fut.result()}")
    return callback


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(report("one"))
    fut.add_done_callback(report("two"))
    loop.call_soon(print, "callback scheduled before set_result")
    fut.set_result("ready")
    print("set_result returned")
    fut.add_done_callback(report("three (added when done)"))
    print("added a callback to a done future")
    await asyncio.sleep(0)
    print("after one loop iteration")


asyncio.run(main())
