from check import checks, expect, load

run_all = load().run_all
log = []


def job(name, steps):
    for step in range(1, steps + 1):
        log.append(f"{name}{step}")
        yield
    return name.upper()


results = error = None
try:
    results = run_all([job("p", 3), job("q", 1), job("r", 0), job("s", 2)])
except Exception as caught:
    error = caught
turns = " ".join(log)
try:
    empty = run_all([])
except Exception as caught:
    empty = caught

checks({
    "run_all returns without an error": lambda: expect(error is None, f"it raised {error!r}"),
    "it gives back the return values in the order of the list": lambda: expect(
        results == ["P", "Q", "R", "S"], f"it returned {results!r}, not ['P', 'Q', 'R', 'S']"
    ),
    "the generators take turns, one step each": lambda: expect(
        turns == "p1 q1 s1 p2 s2 p3", f"the steps ran in the order {turns}, not p1 q1 s1 p2 s2 p3"
    ),
    "no generators, no results": lambda: expect(empty == [], f"run_all([]) gave {empty!r}"),
})
