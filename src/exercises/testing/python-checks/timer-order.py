from check import checks, expect, load

TinyLoop = load().TinyLoop


def record(schedule):
    """Runs a fresh loop with what ``schedule`` sets up; returns "time what" for each callback."""
    loop = TinyLoop()
    log = []

    def say(what):
        return lambda: log.append(f"{loop.time():.2f} {what}")

    schedule(loop, say)
    loop.run()
    return log


def ordered(loop, say):
    loop.call_later(0.3, say("c"))
    loop.call_later(0.1, say("a"))
    loop.call_later(0.2, say("b"))


def ties(loop, say):
    loop.call_later(0.5, say("late"))
    for name in ("x", "y", "z"):
        loop.call_later(0.1, say(name))


def nested(loop, say):
    loop.call_later(0.2, say("b"))
    loop.call_later(0.1, lambda: loop.call_later(0.05, say("d")))


def soon(loop, say):
    loop.call_later(0.1, say("timer"))
    loop.call_soon(say("soon"))


def same(schedule, want):
    got = record(schedule)
    return lambda: expect(got == want, f"the callbacks ran as [{', '.join(got)}], not [{', '.join(want)}]")


checks({
    "call_soon callbacks run first, at time 0": same(soon, ["0.00 soon", "0.10 timer"]),
    "timers run earliest deadline first, each at its own time": same(ordered, ["0.10 a", "0.20 b", "0.30 c"]),
    "timers with the same deadline run in the order they were set": same(ties, ["0.10 x", "0.10 y", "0.10 z", "0.50 late"]),
    "a timer set by a callback counts from the time it was set": same(nested, ["0.15 d", "0.20 b"]),
})
