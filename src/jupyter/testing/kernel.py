"""Runs a notebook's code cells as Jupyter's kernel does: in order, in one namespace, each cell
compiled with top-level await allowed and awaited on the event loop that is already running.

The test prepends CELLS (the sources) and reads the one JSON line this prints: per cell, what it
printed on stdout and stderr, and the exception it ended with, if any.
"""
import ast
import asyncio
import contextlib
import inspect
import io
import json
import traceback


async def kernel(cells):
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    results = []
    for index, source in enumerate(cells):
        stdout, stderr = io.StringIO(), io.StringIO()
        error = None
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = compile(source, f"<cell {index + 1}>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
                if code.co_flags & inspect.CO_COROUTINE:
                    await eval(code, namespace)
                else:
                    exec(code, namespace)
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                traceback.print_exc()
        results.append({"stdout": stdout.getvalue(), "stderr": stderr.getvalue(), "error": error})
    return results


print(json.dumps(asyncio.run(kernel(CELLS))))  # CELLS: prepended by the test
