/**
 * CPython's own event loop in a worker: the Python module `notebook_loop`, loaded into Pyodide
 * once per interpreter by ./session.ts.
 *
 * `WorkerEventLoop` is asyncio's `BaseEventLoop`, unchanged (its `_run_once`, its `_ready`
 * deque and its `_scheduled` heap, from Pyodide's standard library), with the one thing a
 * loop must get from its platform: how to wait. A worker has no file descriptors to watch,
 * so the "selector" it polls only waits, for the timeout `_run_once` computed: the time to the
 * next timer, or for ever when there is none (CPython blocks in `select()` the same way).
 * `VirtualTimeLoop` moves its clock there instead (the counterpart of the library's
 * `VirtualTimeLoop`, for stepping and checks).
 *
 * Waiting is the host's: `_notebook_host.sleep(seconds)` (negative: until interrupted) blocks
 * the worker with `Atomics.wait`, which needs no JS Promise Integration, and wakes at once when
 * the page asks the program to stop (Pyodide's interrupt buffer).
 *
 * How a reader's code gets it: through the event loop policy, the one place CPython's own
 * asyncio asks for "a new loop" (`asyncio.run` → `Runner` → `new_event_loop()` → the policy),
 * and the place Pyodide itself installs its WebLoop. Swapping the policy's loop class, as
 * CPython's default policy picks `SelectorEventLoop` per platform, covers `asyncio.run`,
 * `Runner()`, `new_event_loop()` and any library code at once, rebinding no public name
 * (`asyncio.EventLoop`, the platform's loop class since 3.13, is the one alias set too); a
 * program that installs its own policy replaces it, as in CPython. Patching the entry points
 * instead would take one patch per function, each missing code that calls the others.
 */
export const LOOP_MODULE = "notebook_loop";

export const LOOP_SOURCE = String.raw`
"""CPython's BaseEventLoop in a browser worker: real time (it sleeps) or virtual time (it jumps)."""
import asyncio
import time
import re
from asyncio import base_events, events, futures

import _notebook_host

tracer = None  # set by the driver for a run it records or steps (./trace.ts's Tracer)
# Unnamed tasks of this run so far: a run's first task is Task-1, as in a new python3 process
# (CPython's own counter lives on in the interpreter across runs). Reset in place by new_run().
_unnamed = [0]
_DEFAULT_NAME = re.compile(r"Task-\d+")


def new_run():
    _unnamed[0] = 0


class _TracedHandle(events.Handle):
    """A Handle that tells the tracer before and after it runs (CPython's _run in between)."""

    __slots__ = ()

    def _run(self):
        tracer = self._loop._tracer
        tracer.before(self)
        try:
            events.Handle._run(self)
        finally:
            tracer.after(self)


class _TracedTimerHandle(events.TimerHandle):
    __slots__ = ()
    _run = _TracedHandle._run


class _Waiter:
    """What BaseEventLoop._run_once polls: no file descriptors, so select() only waits."""

    __slots__ = ("_wait",)

    def __init__(self, wait):
        self._wait = wait

    def select(self, timeout):
        self._wait(timeout)
        return []

    def close(self):
        pass


class WorkerEventLoop(base_events.BaseEventLoop):
    """asyncio.BaseEventLoop on the real clock: select(timeout) sleeps the worker until the next timer."""

    def __init__(self):
        super().__init__()
        self._selector = _Waiter(self._wait)
        self._tracer = tracer
        if tracer is not None:
            tracer.loop_made(self)

    def _wait(self, timeout):
        if self._tracer is not None:
            # What happened so far reaches the page before the worker sleeps, in the sleep's time.
            start = time.monotonic()
            self._tracer.flush()
            if timeout is not None:
                timeout = max(0.0, timeout - (time.monotonic() - start))
        # None: nothing ready and no timer; only Stop (an interrupt) can end the wait.
        _notebook_host.sleep(-1 if timeout is None else timeout)

    # The tracer's hooks: CPython makes the handle, the traced class reports its run.
    def _call_soon(self, callback, args, context):
        handle = super()._call_soon(callback, args, context)
        if self._tracer is not None:
            handle.__class__ = _TracedHandle
            self._tracer.scheduled(self, handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        timer = super().call_later(delay, callback, *args, context=context)
        if self._tracer is not None and callback is futures._set_result_unless_cancelled:
            self._tracer.sleeps[args[0]] = (delay, timer)  # asyncio.sleep's timer, by its future
        return timer

    def call_at(self, when, callback, *args, context=None):
        timer = super().call_at(when, callback, *args, context=context)
        if self._tracer is not None:
            timer.__class__ = _TracedTimerHandle
            if self._tracer.stepper is not None:
                self._tracer.scheduled(self, timer)  # a timer wakes no task itself: only its line matters
        return timer

    def create_task(self, coro, *, name=None, **kwargs):
        started = self.time()
        task = super().create_task(coro, name=name, **kwargs)
        # A default name (a task factory's too: CPython's own counter) counts from this run.
        if name is None and _DEFAULT_NAME.fullmatch(task.get_name()):
            _unnamed[0] += 1
            task.set_name(f"Task-{_unnamed[0]}")
        if self._tracer is not None:
            self._tracer.spawned(self, task)
            # An eager task factory ran the first step already (a fresh task is pending, waiting
            # on nothing): it goes on the task's lane, at the moment create_task began.
            if task.done() or task._fut_waiter is not None:
                self._tracer.eager_step(self, task, started)
        return task

    def _run_once(self):
        if self._tracer is not None:
            self._tracer.iteration(self)
        super()._run_once()

    def close(self):
        closing = self._tracer is not None and not self.is_closed()
        super().close()
        if closing:
            self._tracer.loop_closed(self)

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        # One thread: call_soon_threadsafe has no other thread's select() to wake.
        pass


class VirtualTimeLoop(WorkerEventLoop):
    """BaseEventLoop on a virtual clock: when nothing is ready, time jumps to the next timer."""

    def __init__(self, start=0.0):
        self._now = float(start)
        super().__init__()
        self._clock_resolution = 1e-9

    def time(self):
        return self._now

    def advance(self, seconds):
        """Moves the clock forward (never back); timers now due run on the next iteration."""
        if seconds > 0:
            self._now += seconds

    def _wait(self, timeout):
        if timeout is None:
            super()._wait(None)  # no timer to jump to: a deadlock, as on the real clock
        elif timeout > 0:
            self._now += timeout


class WorkerEventLoopPolicy(events._BaseDefaultEventLoopPolicy):
    """CPython's default policy, with the worker's loop as the platform's loop."""

    _loop_factory = WorkerEventLoop


def install():
    """Makes WorkerEventLoop what asyncio.run, Runner() and new_event_loop() create."""
    setter = getattr(events, "_set_event_loop_policy", None) or events.set_event_loop_policy
    setter(WorkerEventLoopPolicy())
    asyncio.EventLoop = WorkerEventLoop
`;
