import re

from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
jobs = sorted(int(line.split(" ")[-1]) for line in run.lines if re.search(r" did job \d+$", line))
stopped = [task for task in run.tasks if task.name in ("w1", "w2", "w3") and task.end != "left running"]
left = run.left_running

checks({
    "main finishes without an error": lambda: expect_clean(run),
    "every job is done exactly once": lambda: expect(
        jobs == [1, 2, 3, 4, 5, 6], f"the jobs done were {', '.join(map(str, jobs)) or 'none'}, not 1 to 6 once each"
    ),
    "the three workers share the work: 1 s of loop time": lambda: expect(
        abs(run.time - 1) < 0.001, f"main took {seconds(run.time)} of loop time"
    ),
    "no worker is left running when main returns": lambda: expect(
        not left,
        f"{', '.join(left)} {'was' if len(left) == 1 else 'were'} still running when main returned, "
        f"so asyncio.run had to cancel {'it' if len(left) == 1 else 'them'}",
    ),
    "all three workers stopped before main returned": lambda: expect(
        len(stopped) == 3, f"only {len(stopped)} of the three workers had stopped when main returned"
    ),
})
