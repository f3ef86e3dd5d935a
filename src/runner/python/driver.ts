/**
 * The Python side of a run, loaded into Pyodide once per interpreter: it runs a program the way
 * `python3 main.py` does, reports how it ended, and whether the interpreter is as fresh as a
 * new one for the next program.
 *
 * Where Pyodide departs from CPython in a way a twin meets, the driver puts CPython back:
 * - asyncio runs on CPython's own `BaseEventLoop` (./loop.ts), chosen through the
 *   event loop policy, instead of Pyodide's WebLoop; `asyncio.run` is CPython's again (a
 *   fresh `Runner` that cancels what is left, shuts down async generators and the default
 *   executor, and closes the loop), where Pyodide's hands the program to its WebLoop.
 * - `time.sleep` blocks the thread, as CPython's does (chapter 2 teaches it): the host's sleep,
 *   which also wakes on Stop; Pyodide's switches stacks and lets other tasks run meanwhile.
 * Nothing needs JS Promise Integration: the program runs to its end in one synchronous call.
 *
 * Stop: the page writes STOP_SIGNAL into Pyodide's interrupt buffer; its handler raises
 * KeyboardInterrupt wherever the program is, even in a loop that never awaits (SIGINT is not
 * used: `asyncio.run` turns a first SIGINT into cancelling the main task, which a runaway
 * loop never sees). The program then unwinds like any other, and the interpreter lives on.
 *
 * Timeline and Step through: a run the page records or steps gets a tracer (./trace.ts, whose
 * module the first such run imports: a start does without it) on
 * the loops it makes, stdout watched for who printed each line, and, stepping, the
 * virtual-time loop from the policy; all of it is put back before the fresh-state check.
 *
 * Fresh state: each program gets a new `__main__` (runpy) and a new event loop (asyncio.run).
 * Afterwards every module it imported is unloaded, and every module loaded before it is
 * compared, name by name, with a snapshot taken before the first program: a program that
 * rebinds anything there (monkeypatching `asyncio.sleep`, setting a loop policy, replacing
 * `sys.stdout`) leaves the interpreter unfit, and the page starts a new one.
 */
import { LOOP_MODULE } from "./loop.ts";
import { TRACE_MODULE } from "./trace.ts";
import { STOP_SIGNAL } from "../core/index.ts";

/** The driver's module name, though it is loaded outside sys.modules (./session.ts). */
export const DRIVER_MODULE = "notebook_driver";

export const DRIVER = String.raw`
import asyncio
import atexit
import functools
import importlib
import json
import linecache
import os
import runpy
import signal
import sys
import time
import traceback

from pyodide import webloop

import _notebook_host
import ${LOOP_MODULE}

asyncio.run = getattr(webloop, "_orig_run", asyncio.run)
${LOOP_MODULE}.install()
_cpython_sleep = getattr(webloop, "_orig_sleep", time.sleep)


@functools.wraps(_cpython_sleep)
def _sleep(secs):
    if isinstance(secs, (int, float)) and secs > 0:
        _notebook_host.sleep(secs)
    else:
        _cpython_sleep(secs)  # zero, or CPython's own error for a bad argument


time.sleep = _sleep


def _stop(signum, frame):
    raise KeyboardInterrupt


signal.signal(${STOP_SIGNAL}, _stop)
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


def _no_loop():
    """No loop running (Pyodide starts with its WebLoop marked running) and none set as current."""
    asyncio.events._set_running_loop(None)
    asyncio.events._get_event_loop_policy().set_event_loop(None)


def _tracing():
    """The tracer's module: imported by the first run the page records or steps (a plain run, the
    first above all, never needs it), then kept, like the modules loaded before any program."""
    module = sys.modules.get("${TRACE_MODULE}")
    if module is None:
        module = importlib.import_module("${TRACE_MODULE}")
        _baseline["${TRACE_MODULE}"] = (module, dict(vars(module)))
    return module


def _trace(record, step):
    """For a run the page records (record) or steps (step, on virtual time): the tracer, installed."""
    if not (record or step):
        return None
    tracer = _tracing().Tracer(_notebook_host.timeline, os.getcwd(), _notebook_host.pause if step else None)
    ${LOOP_MODULE}.tracer = tracer
    tracer.stdout = sys.stdout
    if step:
        asyncio.events._get_event_loop_policy()._loop_factory = ${LOOP_MODULE}.VirtualTimeLoop
    sys.stdout = tracer.watch(sys.stdout)
    return tracer


def _untrace(tracer):
    """Puts back what _trace changed, so that the interpreter is as fresh as before."""
    tracer.flush()
    sys.stdout = tracer.stdout
    ${LOOP_MODULE}.tracer = None
    vars(asyncio.events._get_event_loop_policy()).pop("_loop_factory", None)


def run_main(path, record=False, step=False):
    """Runs path as __main__; returns JSON: {code, syntax: [line, column, msg] | null, reusable, changes}."""
    global _baseline, _baseline_path
    _no_loop()
    if _baseline is None:
        _warm_up()
        _baseline = _snapshot()
        _baseline_path = list(sys.path)
    importlib.invalidate_caches()
    linecache.clearcache()
    sys.argv = [path]
    ${LOOP_MODULE}.new_run()
    tracer = _trace(record, step)  # before the program's directory is on the path
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
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
        if tracer is not None:
            _untrace(tracer)
    for name in list(sys.modules):
        if name not in _baseline:
            del sys.modules[name]
    sys.path[:] = _baseline_path
    _no_loop()
    changes = _changes()
    return json.dumps({"code": code, "syntax": syntax, "reusable": not changes, "changes": changes[:10]})
`;
