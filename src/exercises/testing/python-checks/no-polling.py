import json

from check import checks, expect, expect_clean, load, seconds, trace

run = trace(load().main)
wake_ups = run.steps.get("bot", 0)
served = [(time, text) for time, text in run.printed if text.startswith("bot serves ")]


def when(order):
    return next((time for time, text in served if text == f"bot serves {order}"), float("inf"))


late = [order for order, time in (("soup", 0.3), ("bread", 1.7)) if abs(when(order) - time) > 0.001]

checks({
    "main finishes, without an error": lambda: expect_clean(run),
    "the bot serves soup, then bread": lambda: expect(
        [text for _, text in served] == ["bot serves soup", "bot serves bread"], f"the bot printed {json.dumps(run.lines)}"
    ),
    "each order is served the moment it comes": lambda: expect(
        not late,
        ", ".join(f'"{text}" came at {seconds(time)}' for time, text in served) + " (the orders arrive at 0.3 s and 1.7 s)",
    ),
    "the task named bot wakes at most 5 times": lambda: expect(
        0 < wake_ups <= 5, 'no task named "bot" ran' if wake_ups == 0 else f"it woke {wake_ups} times, mostly to find no order"
    ),
})
