import json

from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
first_done = next((i for i, line in enumerate(run.lines) if line.endswith(": done")), len(run.lines))
started_before = sum(1 for line in run.lines[:first_done] if line.endswith(": start"))
last = run.lines[-1] if run.lines else ""

checks({
    "main finishes without an error": lambda: expect_clean(run),
    "it gets all three files, in order": lambda: expect(
        last == "got a.txt, b.txt, c.txt", f'its last line was {json.dumps(last)}, not "got a.txt, b.txt, c.txt"'
    ),
    "all three downloads start before any finishes": lambda: expect(
        started_before == 3, f"only {started_before} had started when the first finished: they still run one after another"
    ),
    "it takes 1 s of loop time, not 3": lambda: expect(abs(run.time - 1) < 0.001, f"main took {seconds(run.time)} of loop time"),
})
