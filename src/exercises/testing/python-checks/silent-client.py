from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
patient = [client for client in (0, 1, 2, 4) if f"client {client}: served" not in run.lines]
output = "\n".join(run.lines)

checks({
    "main finishes, without an error": lambda: expect_clean(run),
    "the four clients who send in time are served": lambda: expect(
        not patient, f'no "client N: served" line for client {", ".join(map(str, patient))}'
    ),
    "client 3 is told it timed out": lambda: expect(
        "client 3: timed out" in run.lines, f'no line "client 3: timed out"; main printed:\n{output}'
    ),
    "main is done after 2 s of loop time": lambda: expect(abs(run.time - 2) < 0.001, f"main took {seconds(run.time)} of loop time"),
})
