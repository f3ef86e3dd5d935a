/**
 * The Python side of a run, loaded into Pyodide once per interpreter: it runs a program the way
 * `python3 main.py` does, reports how it ended, and whether the interpreter is as fresh as a
 * new one for the next program.
 *
 * Pyodide departs from CPython in three places a twin meets, and the driver puts CPython's
 * behaviour back:
 * - `asyncio.run` becomes `run_until_complete` on one global WebLoop, which never cancels the
 *   tasks left over nor closes; CPython's `asyncio.run` (a fresh `Runner`) is restored, with
 *   Pyodide's "running loop" cleared around it so the Runner can start.
 * - `time.sleep` becomes a stack switch that lets other tasks run while it sleeps; CPython's
 *   blocks the thread, which is what chapter 2 teaches, so the blocking one is restored.
 * - `loop.run_forever()` returns at once on a WebLoop; the driver makes it wait (switching
 *   stacks) until `loop.stop()`, as chapter 6's loop does.
 *
 * Fresh state: each program gets a new `__main__` (runpy) and a new event loop (asyncio.run).
 * Afterwards every module it imported is unloaded, and every module loaded before it is
 * compared, name by name, with a snapshot taken before the first program: a program that
 * rebinds anything there (monkeypatching `asyncio.sleep`, setting a loop policy, replacing
 * `sys.stdout`) leaves the interpreter unfit, and the page starts a new one.
 */
export const DRIVER = String.raw`
import asyncio
import atexit
import functools
import importlib
import json
import linecache
import os
import runpy
import sys
import time
import traceback

from pyodide import webloop
from pyodide.ffi import run_sync

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


def _run_forever(self):
    # WebLoop's own returns at once; CPython's runs callbacks until stop().
    self._notebook_stopped = stopped = self.create_future()
    try:
        run_sync(stopped)
    finally:
        self._notebook_stopped = None
        asyncio.events._set_running_loop(None)


def _stop(self):
    # Like CPython's: the callbacks already scheduled run first.
    stopped = getattr(self, "_notebook_stopped", None)
    if stopped is not None:
        self.call_soon(lambda: stopped.done() or stopped.set_result(None))


webloop.WebLoop.run_forever = _run_forever
webloop.WebLoop.stop = _stop
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


# Set by every run, as a new process would have them.
_PER_RUN = {("sys", "argv"), ("sys", "last_exc"), ("sys", "last_type"), ("sys", "last_value"), ("sys", "last_traceback")}
_baseline = None
_baseline_path = None


def _snapshot():
    return {
        name: (module, dict(vars(module)))
        for name, module in list(sys.modules.items())
        if module is not None and hasattr(module, "__dict__")
    }


def _changes():
    """Module-level names a program added, removed or rebound in the modules loaded before it."""
    changed = []
    for name, (module, saved) in _baseline.items():
        if sys.modules.get(name) is not module:
            changed.append(name)
            continue
        current = vars(module)
        for key in saved.keys() | current.keys():
            if (name, key) in _PER_RUN:
                continue
            if key not in saved or key not in current or current[key] is not saved[key]:
                changed.append(f"{name}.{key}")
    return sorted(changed)


def _warm_up():
    """Runs what every program runs once, so that what it loads lazily is in the snapshot."""
    importlib.invalidate_caches()
    warm = os.path.join(os.getcwd(), "__warm_up__.py")
    with open(warm, "w") as file:
        file.write("import asyncio\nasyncio.run(asyncio.sleep(0))\n")
    runpy.run_path(warm, run_name="__main__")
    os.remove(warm)
    traceback.format_exception(ValueError("warm-up"))


def run_main(path):
    """Runs path as __main__; returns JSON: {code, syntax: [line, column, msg] | null, reusable, changes}."""
    global _baseline, _baseline_path
    if _baseline is None:
        _warm_up()
        _baseline = _snapshot()
        _baseline_path = list(sys.path)
    importlib.invalidate_caches()
    linecache.clearcache()
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
    for name in list(sys.modules):
        if name not in _baseline:
            del sys.modules[name]
    sys.path[:] = _baseline_path
    asyncio.events._set_running_loop(None)
    changes = _changes()
    return json.dumps({"code": code, "syntax": syntax, "reusable": not changes, "changes": changes[:10]})
`;
