"""check.py in a Python exercise's files: what its checks import (the counterpart of check-harness.ts).

It loads the reader's exercise.py without running its ``asyncio.run(main())``, calls the
reader's functions on a virtual-time loop while watching every task (which task printed each
line and set each timer, how each task ended), and reports each named check as one
``::check::`` line of JSON on stdout, which the page (and the tests) read exactly as they read
the TypeScript harness's. Inputs come from this run's seed (``random``, ``random_int``,
``sample``, ``NAMES``; ``CHECK_SEED`` replays one), the same helpers and the same generator as
check-harness.ts, so a program cannot know them::

    from check import NAMES, checks, expect, load, random_int, same_time, sample, trace

    fetch_all = load().fetch_all
    names = sample(NAMES, random_int(2, 5))
    run = trace(lambda: fetch_all(names, 1.5))
    in_tasks = {t.task for t in run.timers if t.task != "main" and same_time(t.delay, 1.5)}
    checks({
        "each download waits in its own task": lambda: expect(len(in_tasks) == len(names), f"only {len(in_tasks)} tasks slept"),
    })

Where it hooks into CPython's loop: a subclass of the virtual-time loop whose ``call_at`` (every
``call_later``, so every ``sleep`` and timeout, goes through it) notes the task that set the
timer, and whose ``call_soon`` counts each task's steps; a task factory notes each task's
birth and end; stdout notes the current task of each line.

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


__all__ = [
    "NAMES", "NotYet", "Printed", "TaskRecord", "Timer", "Trace", "checks", "describe", "expect", "expect_clean",
    "load", "random", "random_int", "same_time", "sample", "seconds", "seed", "trace",
]


@dataclass
class TaskRecord:
    """How one task (not main) ended: "finished", "failed", "cancelled" or "left running"."""

    name: str
    end: str
    time: float
    """Loop time when it ended."""
    error: BaseException | None = None
    started: float = 0.0
    """Loop time when it was created."""


@dataclass
class Printed:
    """A printed line, the loop time it was printed at, and the task that printed it ("" outside any task)."""

    time: float
    text: str
    task: str


@dataclass
class Timer:
    """A timer the program set (a sleep, a timeout's deadline): the task that set it ("" outside any), its delay, when."""

    task: str
    delay: float
    at: float


@dataclass
class Trace:
    """What a traced run did, for the checks to judge."""

    lines: list = field(default_factory=list)
    """What the program printed, one entry per line."""
    output: str = ""
    printed: list = field(default_factory=list)
    """A Printed for each line."""
    timers: list = field(default_factory=list)
    """A Timer for every timer the program set: where the waiting happened."""
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


def same_time(a, b):
    """Two loop times that are the same, up to the rounding of virtual sums (0.1 + 0.2)."""
    return a is not None and abs(a - b) < 0.001


def _seed():
    given = os.environ.get("CHECK_SEED", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    return 1 + int.from_bytes(os.urandom(4), "little") % 0x7FFFFFFF


seed = _seed()
"""The seed of this run's inputs: new every run, or CHECK_SEED to replay one. A failing check's reason ends with it."""

_state = {"value": seed & 0xFFFFFFFF, "drawn": False}


def _imul(a, b):
    return (a * b) & 0xFFFFFFFF


def random():
    """A number in [0, 1) from the run's seed: mulberry32, as check-harness.ts draws it."""
    _state["drawn"] = True
    _state["value"] = t = (_state["value"] + 0x6D2B79F5) & 0xFFFFFFFF
    t = _imul(t ^ (t >> 15), t | 1)
    t ^= (t + _imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
    return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296


def random_int(low, high):
    """A whole number from ``low`` to ``high``, both included."""
    return low + int(random() * (high - low + 1))


def sample(pool, count):
    """``count`` different items of ``pool``, in a random order."""
    rest = list(pool)
    for i in range(len(rest) - 1, 0, -1):
        j = int(random() * (i + 1))
        rest[i], rest[j] = rest[j], rest[i]
    return rest[:count]


NAMES = ("ash", "birch", "cedar", "elm", "fig", "hazel", "larch", "maple", "oak", "pine", "rowan", "willow", "yew", "alder", "beech", "holly")
"""Names a program cannot guess, for files, clients, mirrors, dishes."""


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


def _task_name(loop):
    task = asyncio.current_task(loop) if loop.is_running() else None
    return "" if task is None else task.get_name()


class _Lines:
    """A stdout that keeps each printed line with the loop time and the task, and still prints it."""

    def __init__(self, loop, trace, out):
        self._loop, self._trace, self._out, self._pending = loop, trace, out, ""

    def write(self, text):
        self._out.write(text)
        self._pending += text
        *complete, self._pending = self._pending.split("\n")
        for line in complete:
            self._trace.lines.append(line)
            self._trace.printed.append(Printed(self._loop.time(), line, _task_name(self._loop)))
        return len(text)

    def flush(self):
        self._out.flush()

    def close_line(self):
        if self._pending:
            self.write("\n")


class _WatchedLoop(VirtualTimeLoop):
    """The virtual-time loop, noting which task sets each timer and how often each task is woken."""

    def __init__(self, run, ours):
        super().__init__()
        self._run, self._ours = run, ours

    def call_at(self, when, callback, *args, context=None):
        task = asyncio.current_task(self) if self.is_running() else None
        if task not in self._ours:
            now = self.time()
            self._run.timers.append(Timer("" if task is None else task.get_name(), round(when - now, 9), now))
        return super().call_at(when, callback, *args, context=context)

    def call_soon(self, callback, *args, context=None):
        # A task is woken by scheduling its own step (or wake-up) method: one step each.
        task = getattr(callback, "__self__", None)
        if isinstance(task, asyncio.Task) and task not in self._ours:
            self._run.steps[task.get_name()] = self._run.steps.get(task.get_name(), 0) + 1
        return super().call_soon(callback, *args, context=context)


def trace(start, limit=60):
    """
    Runs ``start()`` (a function returning a coroutine: the reader's function with the check's
    inputs) to the end on a new virtual-time loop: sleeps take no real time, and ``time`` says
    how long they would have. Never raises for what it does: what it raised is in ``error``.
    """
    run = Trace()
    harness = set()  # the harness's own coroutines: their tasks are not watched
    ours = set()
    loop = _WatchedLoop(run, ours)
    watched = []
    left = set()
    born = {}
    state = {"main": None}

    def main_ended():
        # The moment main's coroutine returns or raises, not when its task's done callbacks run
        # (a loop iteration later, when tasks it cancelled but never awaited may have ended).
        run.time = loop.time()
        left.update(t for t in watched if t is not state["main"] and not t.done())
        run.left_running[:] = [t.get_name() for t in watched if t in left]

    async def until_main_ends():
        try:
            return await start()
        finally:
            main_ended()

    def ended(task):
        if task is state["main"]:
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
        error = task.exception() if end == "failed" else None
        run.tasks.append(TaskRecord(name, end, loop.time(), error, born.get(task, 0.0)))
        if end == "cancelled":
            run.cancelled.append(name)

    def factory(loop, coro, **kwargs):
        if coro in harness:
            task = asyncio.Task(coro, loop=loop, **kwargs)
            ours.add(task)
            return task
        when = loop.time()
        task = asyncio.Task(coro, loop=loop, **kwargs)
        born[task] = when
        watched.append(task)
        task.add_done_callback(ended)
        return task

    def handler(loop, context):
        error = context.get("exception")
        run.loop_errors.append(context["message"] if error is None else f"{context['message']}: {describe(error)}")

    async def supervise():
        main = state["main"] = asyncio.create_task(until_main_ends(), name="main")
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
        step = loop.shutdown_asyncgens()
        harness.add(step)
        loop.run_until_complete(step)
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


def expect_clean(run, what="main"):
    """
    Fails the current check unless the traced call ended in time, without raising, and the loop
    reported no error. ``what`` names the call in the reason ("fetch_all(...)").
    """
    expect(not run.timed_out, f"{what} was still running after a minute of loop time, so it was cancelled: something never finishes")
    expect(run.error is None, f"{what} raised {describe(run.error)}")
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
            why = str(not_yet)
        except Exception as error:
            why = f"the check itself stopped on {describe(error)}"
        else:
            why = None
        if why is not None:
            report = {"name": name, "ok": False, "why": why + (f" (inputs from seed {seed})" if _state["drawn"] else "")}
        print(f"::check::{json.dumps(report, ensure_ascii=False)}", flush=True)
    print(f"::checks-done::{json.dumps({'passed': passed, 'total': len(named)})}", flush=True)
