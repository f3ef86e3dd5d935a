import asyncio
import json

from check import checks, expect, expect_clean, load, seconds, trace

exercise = load()
run = trace(exercise.main)
kind = {}


async def alone():
    fut = exercise.fetch("x")
    is_future = isinstance(fut, asyncio.Future) and not isinstance(fut, asyncio.Task)
    kind["what"] = "future" if is_future else type(fut).__name__
    return await fut


async def cancelled_early():
    exercise.fetch("x").cancel()
    await asyncio.sleep(2)


single = trace(alone)
cancelled = trace(cancelled_early)
last = run.lines[-1] if run.lines else ""


def fetch_why():
    if kind.get("what") == "future":
        return f'fetch("x") returned a future holding {json.dumps(single.result)}'
    return f'fetch("x") returned a {kind.get("what", "value")}, not a Future'


checks({
    "main finishes, without an error": lambda: expect_clean(run),
    "it gets both fetches' data": lambda: expect(
        last == "got a data and b data", f'its last line was {json.dumps(last)}, not "got a data and b data"'
    ),
    "both arrive together, after 1.5 s of loop time": lambda: expect(
        abs(run.time - 1.5) < 0.001, f"main took {seconds(run.time)} of loop time"
    ),
    "fetch() returns a plain Future (not a task or a coroutine) that holds the data": lambda: expect(
        kind.get("what") == "future" and single.result == "x data", fetch_why()
    ),
    "a fetch cancelled before its data arrives causes no error": lambda: expect(
        not cancelled.loop_errors and cancelled.error is None,
        f"the loop reported: {cancelled.loop_errors[0] if cancelled.loop_errors else cancelled.error}",
    ),
})
