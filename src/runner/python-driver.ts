/**
 * The Python side of a run, loaded into Pyodide once per worker: it runs a program the way
 * `python3 main.py` does and reports how it ended.
 *
 * Pyodide replaces two CPython functions when it starts, and the driver puts CPython's back so
 * that a twin behaves as it does under CPython:
 * - `asyncio.run` becomes `run_until_complete` on one global WebLoop, which never cancels the
 *   tasks left over nor closes; CPython's `asyncio.run` (a fresh `Runner`) is restored, with
 *   Pyodide's "running loop" cleared around it so the Runner can start.
 * - `time.sleep` becomes a stack switch that lets other tasks run while it sleeps; CPython's
 *   blocks the thread, which is what chapter 2 teaches, so the blocking one is restored.
 */
export const DRIVER = String.raw`
import asyncio
import atexit
import functools
import json
import os
import runpy
import sys
import time
import traceback

from pyodide import webloop

time.sleep = getattr(webloop, "_orig_sleep", time.sleep)
_cpython_run = getattr(webloop, "_orig_run", asyncio.run)


@functools.wraps(_cpython_run)
def _run(main, *, debug=None, loop_factory=None):
    asyncio.events._set_running_loop(None)
    try:
        return _cpython_run(main, debug=debug, loop_factory=loop_factory)
    finally:
        asyncio.events._set_running_loop(None)


asyncio.run = _run
# Like a terminal: each line reaches the page as it is printed.
sys.stdout.reconfigure(line_buffering=True)


def _exit_code(exit):
    code = exit.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def run_main(path):
    """Runs path as __main__; returns JSON: {"code": N, "syntax": [line, column, msg] | null}."""
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    asyncio.events._set_running_loop(None)
    syntax = None
    try:
        runpy.run_path(path, run_name="__main__")
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit)
    except BaseException as error:
        # Leave out the driver's and runpy's frames: the traceback starts at the program (and is
        # empty when the program itself does not compile, as CPython prints it).
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != path:
            tb = tb.tb_next
        traceback.print_exception(type(error), error, tb)
        if tb is None and isinstance(error, SyntaxError) and error.filename == path:
            syntax = [error.lineno or 1, error.offset or 1, error.msg]
        code = 1
    try:
        atexit._run_exitfuncs()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return json.dumps({"code": code, "syntax": syntax})
`;
