import json

from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
last = run.lines[-1] if run.lines else ""

checks({
    "main finishes, without an error": lambda: expect_clean(run),
    "it serves all ten clients, at most three at once": lambda: expect(
        last == "served 10 clients, at most 3 at once", f"its last line was {json.dumps(last)}"
    ),
    "ten clients take 0.4 s of loop time: four rounds of three": lambda: expect(
        abs(run.time - 0.4) < 0.001, f"main took {seconds(run.time)} of loop time"
    ),
})
