import json

from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
fetch = next((task for task in run.tasks if task.name == "fetch"), None)
retries = [line for line in run.lines if line.startswith("retrying after: connection reset")]


def fetch_why():
    if fetch is None:
        return "the fetch task never stopped: something caught the CancelledError and carried on"
    return f"the fetch task {fetch.end} instead of ending cancelled"


checks({
    "it still retries after a reset connection": lambda: expect(
        len(retries) >= 2 and retries[0] == "retrying after: connection reset (attempt 1)", f"it printed {json.dumps(run.lines[:3])}"
    ),
    "cancelling the fetch task stops it": lambda: expect(fetch is not None and fetch.end == "cancelled", fetch_why()),
    "main finishes, without an error": lambda: expect_clean(run),
    "main is done after 2.5 s of loop time, having tried twice": lambda: expect(
        abs(run.time - 2.5) < 0.001 and len(retries) == 2, f"main took {seconds(run.time)} of loop time and saw {len(retries)} retries"
    ),
})
