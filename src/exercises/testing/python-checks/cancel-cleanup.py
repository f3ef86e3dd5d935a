import json

from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
report = next((task for task in run.tasks if task.name == "report"), None)
closed = run.lines.index("report: file closed") if "report: file closed" in run.lines else -1
after = run.lines[closed + 1 :]


def report_why():
    if report is None:
        return 'no task named "report" ended'
    if report.end == "left running":
        return "it was still running when main returned"
    return f"it {report.end} instead: something swallowed the CancelledError"


checks({
    "main finishes, without an error": lambda: expect_clean(run),
    "the report task ends cancelled, before main returns": lambda: expect(report is not None and report.end == "cancelled", report_why()),
    "the report closes its file": lambda: expect(closed >= 0, f'no line "report: file closed"; the program printed {json.dumps(run.lines)}'),
    "main waits for the clean-up, then says so": lambda: expect(
        after == ["main: report cancelled", "main: done"],
        f'after the file was closed the program printed {json.dumps(after)}, not "main: report cancelled" then "main: done"',
    ),
    "main is done after 1 s of loop time": lambda: expect(abs(run.time - 1) < 0.001, f"main took {seconds(run.time)} of loop time"),
})
