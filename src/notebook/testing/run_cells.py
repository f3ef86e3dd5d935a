"""Runs a notebook's code cells in order, as Jupyter does: one namespace, each cell inside a
running event loop (top-level await allowed). Prints one JSON list: each cell's stdout, and
what it raised. CELLS comes from cells.py beside it."""

import ast
import asyncio
import contextlib
import io
import json

from cells import CELLS

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
namespace = {"__name__": "__main__"}
results = []


async def run(code):
    value = eval(code, namespace)
    if asyncio.iscoroutine(value):
        await value


for source in CELLS:
    out = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(out):
            loop.run_until_complete(run(compile(source, "<cell>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)))
    except BaseException as caught:
        error = f"{type(caught).__name__}: {caught}"
    results.append({"stdout": out.getvalue(), "error": error})
loop.close()
print(json.dumps(results))
