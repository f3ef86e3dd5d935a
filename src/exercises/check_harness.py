"""check.py in a Python exercise's files: what its checks import (the counterpart of check-harness.ts).

It loads the reader's exercise.py without running its ``asyncio.run(main())``, runs ``main``
on a virtual-time loop while watching every task, captures what it prints, and reports each
named check as one ``::check::`` line of JSON on stdout, which the page (and the tests) read
exactly as they read the TypeScript harness's::

    from check import checks, expect, expect_clean, load, seconds, trace

    run = trace(load().main)
    checks({
        "all three downloads finish": lambda: expect(len(run.lines) == 3, f"it printed {len(run.lines)} lines"),
    })

In the page the loop is CPython's own BaseEventLoop on virtual time (notebook_loop); under a
plain CPython it is the same idea built on SelectorEventLoop, so a check means the same in both.
"""

import asyncio
import atexit
import contextlib
import importlib.util
import io
import json
import os
import sys
from dataclasses import dataclass, field

try:
    from notebook_loop import VirtualTimeLoop
except ImportError:  # a plain CPython, outside the page

    class VirtualTimeLoop(asyncio.SelectorEventLoop):
        """A loop on virtual time: when nothing is ready, the clock jumps to the next timer."""

        def __init__(self):
            self._now = 0.0
            super().__init__()
            self._clock_resolution = 1e-9

        def time(self):
            return self._now

        def _run_once(self):
            deadlines = [t.when() for t in self._scheduled if not t.cancelled()]
            if not self._ready and deadlines:
                self._now = max(self._now, min(deadlines))
            super()._run_once()


__all__ = ["NotYet", "TaskRecord", "Trace", "checks", "describe", "expect", "expect_clean", "load", "seconds", "trace"]


@dataclass
class TaskRecord:
    """How one task (not main) ended: "finished", "failed", "cancelled" or "left running"."""

    name: str
    end: str
    time: float
    error: BaseException | None = None


@dataclass
class Trace:
    """What a traced run did, for the checks to judge."""

    lines: list = field(default_factory=list)
    """What the program printed, one entry per line."""
    output: str = ""
    printed: list = field(default_factory=list)
    """Each line as (loop time, text)."""
    time: float = 0.0
    """Loop time, in seconds, when main ended."""
    result: object = None
    error: BaseException | None = None
    """What main raised, if anything."""
    timed_out: bool = False
    """main was still running after ``limit`` seconds of loop time (it was then cancelled)."""
    tasks: list = field(default_factory=list)
    """A TaskRecord for every task but main, in the order they ended."""
    cancelled: list = field(default_factory=list)
    """Names of the tasks that ended cancelled before main returned."""
    left_running: list = field(default_factory=list)
    """Names of the tasks still running when main returned."""
    loop_errors: list = field(default_factory=list)
    """What reached the loop's exception handler."""
    steps: dict = field(default_factory=dict)
    """How many times each task (main included) was woken to run a step, by name."""


def describe(error):
    """An exception in words: "TimeoutError", "ValueError: bad input"."""
    if error is None:
        return "None"
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def seconds(time):
    """A loop time in words: "3 s", "0.25 s" (virtual sums like 0.1 + 0.2 rounded)."""
    return f"{round(time, 3):g} s"


def load(name="exercise"):
    """
    Imports the reader's module (beside the checks) without running its ``asyncio.run(main())``;
    what its other top-level code prints (a plain ``main()`` call) is not shown: the checks run it.
    """
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    run = asyncio.run

    def skip(main, **kwargs):
        if asyncio.iscoroutine(main):
            main.close()

    asyncio.run = skip
    try:
        sys.modules[name] = module
        with contextlib.redirect_stdout(io.StringIO()):
            spec.loader.exec_module(module)
    finally:
        asyncio.run = run
    return module


class _Lines:
    """A stdout that keeps each printed line with the loop time, and still prints it."""

    def __init__(self, loop, trace, out):
        self._loop, self._trace, self._out, self._pending = loop, trace, out, ""

    def write(self, text):
        self._out.write(text)
        self._pending += text
        *complete, self._pending = self._pending.split("\n")
        for line in complete:
            self._trace.lines.append(line)
            self._trace.printed.append((self._loop.time(), line))
        return len(text)

    def flush(self):
        self._out.flush()

    def close_line(self):
        if self._pending:
            self.write("\n")


def trace(start, limit=60):
    """
    Runs ``start()`` (a coroutine function, usually the reader's ``main``) to the end on a new
    virtual-time loop: sleeps take no real time, and ``time`` says how long they would have.
    Never raises for what main does: what main raised is in ``error``.
    """
    run = Trace()
    loop = VirtualTimeLoop()
    harness = set()  # the harness's own coroutines: their tasks are not watched
    ours = set()
    watched = []
    left = set()
    state = {"main": None}

    def ended(task):
        if task is state["main"]:
            run.time = loop.time()
            left.update(t for t in watched if t is not task and not t.done())
            run.left_running[:] = [t.get_name() for t in watched if t in left]
            return
        name = task.get_name()
        if task in left:
            end = "left running"
        elif task.cancelled():
            end = "cancelled"
        elif task.exception() is not None:
            end = "failed"
        else:
            end = "finished"
        run.tasks.append(TaskRecord(name, end, loop.time(), task.exception() if end == "failed" else None))
        if end == "cancelled":
            run.cancelled.append(name)

    def factory(loop, coro, **kwargs):
        task = asyncio.Task(coro, loop=loop, **kwargs)
        if coro in harness:
            ours.add(task)
            return task
        watched.append(task)
        task.add_done_callback(ended)
        return task

    call_soon = loop.call_soon

    def counting_call_soon(callback, *args, context=None):
        # A task is woken by scheduling its own step (or wake-up) method: one step each.
        task = getattr(callback, "__self__", None)
        if isinstance(task, asyncio.Task) and task not in ours:
            run.steps[task.get_name()] = run.steps.get(task.get_name(), 0) + 1
        return call_soon(callback, *args, context=context)

    def handler(loop, context):
        error = context.get("exception")
        run.loop_errors.append(context["message"] if error is None else f"{context['message']}: {describe(error)}")

    async def supervise():
        main = state["main"] = asyncio.create_task(start(), name="main")
        done, _ = await asyncio.wait([main], timeout=limit)
        if not done:
            run.timed_out = True
            main.cancel()
            await asyncio.wait([main], timeout=1)
        if not main.done():
            return
        if main.cancelled():
            run.error = asyncio.CancelledError()
        elif main.exception() is not None:
            run.error = main.exception()
        else:
            run.result = main.result()

    async def clean_up():
        # Like asyncio.run, except that it gives up on a task that shrugs off cancellation
        # after a second of loop time instead of hanging the checks.
        rest = [t for t in asyncio.all_tasks() if t not in ours]
        for task in rest:
            task.cancel()
        if rest:
            await asyncio.wait(rest, timeout=1)
        _keep_forever([task for task in rest if not task.done()])

    lines = _Lines(loop, run, sys.stdout)
    loop.set_task_factory(factory)
    loop.call_soon = counting_call_soon
    loop.set_exception_handler(handler)
    try:
        with contextlib.redirect_stdout(lines):
            for step in (supervise(), clean_up()):
                harness.add(step)
                loop.run_until_complete(step)
            lines.close_line()
    except Exception as error:
        if run.error is None:
            run.error = error
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
    run.output = "\n".join(run.lines)
    return run


def _keep_forever(stuck):
    """
    Keeps tasks that would not stop from ever being finalized: the garbage collector closes a
    coroutine by raising GeneratorExit in it, and one that catches BaseException would then
    retry for ever, every await failing with "no running event loop". In the page they are
    kept on ``sys`` (so the interpreter is not reused: the page starts a fresh one); a plain
    CPython leaves at exit without finalizing anything.
    """
    if not stuck:
        return
    kept = getattr(sys, "_check_stuck_tasks", None)
    if kept is None:
        kept = sys._check_stuck_tasks = []
        if sys.platform != "emscripten":
            atexit.register(lambda: (sys.stdout.flush(), sys.stderr.flush(), os._exit(0)))
    kept.extend(stuck)


class NotYet(Exception):
    """A check that does not hold: its message says what happened instead, in words."""


def expect(condition, why):
    """Fails the current check with ``why`` unless ``condition`` holds."""
    if not condition:
        raise NotYet(why)


def expect_clean(run):
    """Fails the current check unless main ended in time, without raising, and the loop reported no error."""
    expect(not run.timed_out, "main was still running after a minute of loop time, so it was cancelled: something never finishes")
    expect(run.error is None, f"main raised {describe(run.error)}")
    expect(not run.loop_errors, f"the loop reported an error: {run.loop_errors[0] if run.loop_errors else ''}")


def checks(named):
    """
    Runs the checks in order and reports each on stdout as one ``::check::`` line of JSON,
    then a ``::checks-done::`` line: the page's verdict is read from these lines.
    """
    passed = 0
    for name, check in named.items():
        try:
            check()
            report = {"name": name, "ok": True}
            passed += 1
        except NotYet as not_yet:
            report = {"name": name, "ok": False, "why": str(not_yet)}
        except Exception as error:
            report = {"name": name, "ok": False, "why": f"the check itself stopped on {describe(error)}"}
        print(f"::check::{json.dumps(report, ensure_ascii=False)}", flush=True)
    print(f"::checks-done::{json.dumps({'passed': passed, 'total': len(named)})}", flush=True)
