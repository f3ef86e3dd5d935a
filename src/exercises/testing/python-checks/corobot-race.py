import json
import re

from check import checks, expect, expect_clean, load, trace

run = trace(load().main)
last = run.lines[-1] if run.lines else ""
found = re.fullmatch(r"after service: (-?\d+) knives, (-?\d+) forks, (\d+) changes audited", last)
knives, forks, audited = found.groups() if found else (None, None, None)

checks({
    "main finishes, without an error": lambda: expect_clean(run),
    "it prints the inventory line": lambda: expect(
        found is not None, f'its last line was {json.dumps(last)}, not "after service: … knives, … forks, … changes audited"'
    ),
    "no change is lost: 100 knives and 100 forks at the end": lambda: expect(
        knives == "100" and forks == "100", f"the kitchen ended with {knives} knives and {forks} forks: some changes overwrote others"
    ),
    "every change is in the audit log: 20 entries": lambda: expect(audited == "20", f"the audit log holds {audited} changes"),
})
