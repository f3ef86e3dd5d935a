# A Future's states: pending, then finished with a result. result() before
# done and a second set_result both raise InvalidStateError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("bound to the running loop:", "yes" if fut.get_loop() is loop else "no")
    print("done:", "yes" if fut.done() else "no")
    try:
        fut.result()
    except asyncio.InvalidStateError:
        print("result() while pending: InvalidStateError")
    try:
        fut.exception()
    except asyncio.InvalidStateError:
        print("exception() while pending: InvalidStateError")
    fut.set_result(42)
    print("done:", "yes" if fut.done() else "no")
    print("result:", fut.result())
    print("exception:", "none" if fut.exception() is None else "some")
    try:
        fut.set_result(43)
    except asyncio.InvalidStateError:
        print("second set_result: InvalidStateError")
    try:
        fut.set_exception(ValueError("late"))
    except asyncio.InvalidStateError:
        print("set_exception after result: InvalidStateError")
    print("cancel() on a done future:", "yes" if fut.cancel() else "no")
    print("result still:", await fut)


asyncio.run(main())
