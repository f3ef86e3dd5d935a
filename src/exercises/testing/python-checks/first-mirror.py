import json

from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
not_cancelled = [name for name in ("mirror a", "mirror c") if name not in run.cancelled]
output = "\n".join(run.lines)


def mirrors_why():
    verb = "was" if len(not_cancelled) == 1 else "were"
    still = f" ({', '.join(run.left_running)} still running when it returned)" if run.left_running else ""
    return f"{' and '.join(not_cancelled)} {verb} not cancelled while main ran{still}"


checks({
    "main finishes, without an error": lambda: expect_clean(run),
    "the answer comes from the fastest mirror, b": lambda: expect(output == "b: here is the file", f"it printed {json.dumps(output)}"),
    "main is done after 1 s of loop time": lambda: expect(abs(run.time - 1) < 0.001, f"main took {seconds(run.time)} of loop time"),
    "mirrors a and c are cancelled before main returns": lambda: expect(not not_cancelled, mirrors_why()),
})
