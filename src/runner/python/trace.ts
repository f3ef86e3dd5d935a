/**
 * The Python half's Timeline and Step through: the Python module `notebook_trace`, loaded into
 * Pyodide beside CPython's loop (./loop.ts) by ./session.ts, used only by a run the page asked
 * to record or step.
 *
 * Where it hooks in: the loop subclass. `WorkerEventLoop` makes each handle it schedules a
 * traced one (`_call_soon` and `call_at` give the handle CPython made a subclass whose `_run`
 * tells the tracer before and after), and tells it of each task (`create_task`) and loop
 * iteration (`_run_once`). The subclass sees every callback `_run_once` runs, task steps and
 * wake-ups included (a Task schedules its `__step` through `call_soon`), on any loop the
 * program makes, and nothing outside a traced run. A task factory would see tasks but not
 * plain callbacks or timers; patching `events.Handle._run` would reach loops we do not own
 * and would stay patched between runs (the driver's fresh-state check would rightly refuse it).
 *
 * It speaks the TypeScript half's language: the same `TimelineEvent`s
 * (src/timeline/events.ts), sent as JSON in batches, and the same `StepSnapshot`
 * (src/timeline/step-snapshot.ts), built from CPython's own structures: `_ready`, `_scheduled`,
 * each task's `_fut_waiter` and await chain.
 */
import { StepCommand } from "../../timeline/step-control.ts";

export const TRACE_MODULE = "notebook_trace";

export const TRACE_SOURCE = String.raw`
"""Timeline events and Step through pauses from CPython's own event loop."""
import json
import sys
from asyncio import events, futures, tasks

LINE_BUDGET = 500  # reader's lines looked up per run: enough for the first tasks of a big run
SLOW = 0.1  # what asyncio's debug mode calls a slow callback (loop.slow_callback_duration)
BATCH = 2000  # events per message: one the page unpacks in one piece stays short
NEXT, NEXT_TICK, NEXT_TIMER = ${StepCommand.Next}, ${StepCommand.NextTick}, ${StepCommand.NextTimer}

_TASK_TYPES = tuple({tasks.Task, tasks._PyTask})
# asyncio.run's housekeeping after main returns, as tasks of the loop's own: no lanes of theirs.
_HOUSEKEEPING = {"BaseEventLoop.shutdown_asyncgens", "BaseEventLoop.shutdown_default_executor"}
_OWNER_KINDS = {
    "Lock": "lock", "Event": "lock", "Condition": "lock", "Semaphore": "lock",
    "BoundedSemaphore": "lock", "Barrier": "lock",
    "Queue": "queue", "PriorityQueue": "queue", "LifoQueue": "queue",
    "StreamReader": "stream", "TaskGroup": "gather",
}


def task_of(handle):
    """The task a handle steps (its __step or its wake-up), or None for a plain callback."""
    owner = getattr(handle._callback, "__self__", None)
    return owner if isinstance(owner, _TASK_TYPES) else None


def _short(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _seconds(value):
    return f"{value:.6g}"


def _names(items):
    names = [item.get_name() if isinstance(item, _TASK_TYPES) else "a future" for item in list(items)[:3]]
    count = len(items)
    return ", ".join(names) + (f", … {count} in all" if count > 3 else "")


class Tracer:
    """Turns the hooks of ./loop.ts's loops into TimelineEvents, and pauses for Step through."""

    def __init__(self, send, root, pause=None):
        self._send = send  # a JSON array of events, to the page
        self._root = root.rstrip("/") + "/"  # the program's directory: its frames are the reader's
        self._batch = []
        self.emit = self._batch.append  # the hot path: events are only built here, sent by flush()
        self.sleeps = {}  # a sleep's future -> its delay and timer (./loop.ts's call_later tells)
        self._loops = {}
        self._last_loop = None
        self._last_index = 0
        self._tasks = {}  # task -> [id, name, woke]
        self._order = []  # tasks by spawn
        self._hidden = set()  # housekeeping tasks
        self._next_id = 1
        self._running = None  # the task whose step runs, or None
        self._started = 0.0
        self._callback = None  # the plain callback running, as a waker
        self._step_waker = None
        self._lines_left = LINE_BUDGET
        self._ordinals = {}
        self._counts = {}
        self._printed = 0
        self.stepper = Stepper(self, pause) if pause is not None else None

    # -- the page --------------------------------------------------------------------------

    def flush(self):
        """Sends the events so far, BATCH to a message. The loop calls it before it sleeps,
        where the time it takes comes out of the sleep rather than out of the program's steps."""
        batch = self._batch
        if not batch:
            return
        self._batch = []
        self.emit = self._batch.append
        for start in range(0, len(batch), BATCH):
            self._send(json.dumps(batch[start:start + BATCH], separators=(",", ":")))

    def printed(self, text):
        """The program wrote text to stdout: each line it completes is the running task's."""
        for _ in range(text.count("\n")):
            running = self._tasks.get(self._running)
            self.emit({"k": "print", "line": self._printed, "id": running[0] if running else None,
                       "t": self._started if running else None})
            self._printed += 1

    def watch(self, stream):
        """stream, wrapped so that what the program prints becomes print events."""
        return _Printed(stream, self)

    # -- the loop's hooks ------------------------------------------------------------------

    def loop_made(self, loop):
        index = len(self._loops)
        self._loops[loop] = index
        self.emit({"k": "loop", "loop": index, "kind": type(loop).__name__, "t": loop.time()})

    def loop_closed(self, loop):
        if loop in self._loops:
            self.emit({"k": "close", "loop": self._loops[loop], "t": loop.time()})

    def iteration(self, loop):
        if self.stepper is not None:
            self.stepper.tick += 1
        if len(self._batch) >= 10 * BATCH:
            self.flush()  # a loop that never sleeps still shows its picture as it goes

    def spawned(self, loop, task):
        if task in self._tasks or task in self._hidden:
            return
        code = getattr(task.get_coro(), "cr_code", None)
        if code is not None and code.co_qualname in _HOUSEKEEPING:
            self._hidden.add(task)
            return
        ident = self._next_id
        self._next_id += 1
        name = task.get_name()
        self._tasks[task] = [ident, name, None]
        self._order.append(task)
        parent = self._tasks.get(self._running)
        event = {"k": "spawn", "loop": self._loop_index(loop), "t": loop.time(), "id": ident, "name": name,
                 "parent": parent[0] if parent else None}
        if self._lines_left > 0 or self.stepper is not None:
            self._lines_left -= 1
            at = self.reader_line(sys._getframe(1))
            if at is not None:
                event["at"] = at
                if self.stepper is not None:
                    self.stepper.lines[task] = (at, False)
        self.emit(event)

    def scheduled(self, loop, handle):
        """A handle joined the ready queue (or the timers): who woke a task, where a callback came from."""
        task = task_of(handle)
        if task is not None:
            record = self._tasks.get(task)
            if record is None:
                return  # a new task's first step: its spawner is its parent already
            if self._running is not None:
                if self._step_waker is None:
                    self._step_waker = {"t": loop.time(), "task": self._tasks[self._running][0]}
                record[2] = self._step_waker
            elif self._callback is not None:
                record[2] = self._callback
        elif self.stepper is not None:
            at = self.reader_line(sys._getframe(1))
            if at is not None:
                self.stepper.lines[handle] = (at, False)

    def before(self, handle):
        loop = handle._loop
        t = loop.time()
        task = task_of(handle)
        if task in self._hidden:
            task = None
        elif task is not None:
            record = self._tasks.get(task) or self._adopt(loop, task)
            self._rename(task, record)
            event = {"k": "step", "loop": self._loop_index(loop), "t": t, "id": record[0]}
            waiter = task._fut_waiter
            if task._must_cancel or (waiter is not None and waiter.cancelled()):
                event["cancel"] = True
            if record[2] is not None:
                event["woke"] = record[2]
                record[2] = None
            self.emit(event)
        else:
            timer = isinstance(handle, events.TimerHandle)
            name = self.callback_name(handle)
            self._callback = {"t": t, "callback": name, "timer": timer}
            self.emit({"k": "callback", "loop": self._loop_index(loop), "t": t, "timer": timer, "name": name})
        if self.stepper is not None:
            self.stepper.before(loop, handle, task_of(handle), t)
        self._running = task
        self._started = t
        self._step_waker = None

    def after(self, handle):
        loop = handle._loop
        t = loop.time()
        task = self._running
        self._running = None
        callback, self._callback = self._callback, None
        took = t - self._started
        if task is None:
            if took >= SLOW and callback is not None:
                self._slow(loop, None, f"the callback {callback['callback']}", took)
            return
        record = self._tasks[task]
        if took >= SLOW:
            self._slow(loop, record[0], f"{record[1]}'s step", took)
        self._step_ended(loop, task, record, t)

    def eager_step(self, loop, task, t):
        """An eager task's first step ran inside create_task, in no handle: recorded once it is known."""
        record = self._tasks.get(task)
        if record is None:
            return
        self.emit({"k": "step", "loop": self._loop_index(loop), "t": t, "id": record[0]})
        self._step_ended(loop, task, record, loop.time())

    def _step_ended(self, loop, task, record, t):
        index = self._loop_index(loop)
        if task.done():
            if task.cancelled():
                outcome, detail = "cancelled", "CancelledError"
            elif task._exception is not None:
                outcome, detail = "exception", type(task._exception).__name__
            else:
                outcome, detail = "result", _short(task._result)
            self._rename(task, record)
            self.emit({"k": "exit", "loop": index, "t": t, "id": record[0], "outcome": outcome, "detail": detail})
            return
        waiter = task._fut_waiter
        if waiter is None:
            self.emit({"k": "wait", "loop": index, "t": t, "id": record[0], "on": "ready", "what": "sleep(0)"})
            return
        sleep = self.sleeps.pop(waiter, None)
        if sleep is not None:
            self.emit({"k": "wait", "loop": index, "t": t, "id": record[0], "on": "timer",
                       "what": f"sleep({_seconds(sleep[0])})", "until": sleep[1].when()})
            return
        on, what, targets, until = self.describe(task, waiter, t)
        event = {"k": "wait", "loop": index, "t": t, "id": record[0], "on": on, "what": what}
        if targets:
            event["targets"] = targets
        if until is not None:
            event["until"] = until
        self.emit(event)

    # -- naming things ---------------------------------------------------------------------

    def task_id(self, task):
        record = self._tasks.get(task)
        return record[0] if record else 0

    def describe(self, task, waiter, t):
        """What a task's _fut_waiter is: (kind, name, the task ids it stands for, a sleep's deadline)."""
        if isinstance(waiter, _TASK_TYPES):
            return "task", waiter.get_name(), self._ids([waiter]), None
        if isinstance(waiter, tasks._GatheringFuture):
            children = waiter._children
            return "gather", f"gather({_names(children)})", self._ids(children), None
        # A bare future: the innermost coroutine awaiting it says whose it is.
        frame = self._innermost(task)
        if frame is not None:
            code = frame.f_code
            local = frame.f_locals
            if code.co_name == "sleep" and code.co_filename.endswith("tasks.py") and "h" in local:
                handle = local["h"]
                return "timer", f"sleep({_seconds(local['delay'])})", None, handle.when()
            if code.co_name == "_wait" and code.co_filename.endswith("tasks.py") and "fs" in local:
                fs = local["fs"]
                return "gather", f"wait({_names(fs)})", self._ids(fs), None
            owner = local.get("self")
            if owner is not None:
                kind = _OWNER_KINDS.get(type(owner).__name__)
                if kind is not None:
                    targets = self._ids(getattr(owner, "_tasks", ())) if kind == "gather" else None
                    return kind, self._ordinal(owner), targets, None
        return "future", "a future", None, None

    def callback_name(self, handle):
        callback = handle._callback
        if callback is futures._set_result_unless_cancelled:
            return "sleep wake-up"
        return getattr(callback, "__qualname__", None) or type(callback).__name__

    def reader_line(self, frame):
        """The first frame of the program's own files from frame outwards, as a SourceLine."""
        while frame is not None:
            at = self._own(frame)
            if at is not None:
                return at
            frame = frame.f_back
        return None

    def await_line(self, task):
        """Where a task waits: the deepest frame of the program's own files in its await chain."""
        line = None
        coro = task.get_coro()
        while coro is not None:
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
            if frame is None:
                break
            line = self._own(frame) or line
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
        return line

    def _own(self, frame):
        name = frame.f_code.co_filename
        if name.startswith(self._root):
            return {"path": name[len(self._root):], "line": frame.f_lineno}
        if not name.startswith(("/", "<")):
            return {"path": name, "line": frame.f_lineno}
        return None

    def _innermost(self, task):
        frame = None
        coro = task.get_coro()
        while coro is not None:
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or frame
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
        return frame

    def _ids(self, items):
        return [self._tasks[item][0] for item in items if item in self._tasks]

    def _ordinal(self, owner):
        """"Queue 1", "Lock 2": named by class and the order they were first waited on."""
        name = self._ordinals.get(owner)
        if name is None:
            kind = type(owner).__name__
            count = self._counts.get(kind, 0) + 1
            self._counts[kind] = count
            name = self._ordinals[owner] = f"{kind} {count}"
        return name

    def _adopt(self, loop, task):
        """A task made without create_task (Task(...) directly): known from its first step."""
        self.spawned(loop, task)
        return self._tasks[task]

    def _rename(self, task, record):
        name = task.get_name()
        if name != record[1]:
            record[1] = name
            self.emit({"k": "name", "id": record[0], "name": name})

    def _slow(self, loop, ident, what, took):
        self.emit({"k": "note", "loop": self._loop_index(loop), "t": self._started, "kind": "slow", "id": ident,
                   "text": f"{what} held the loop for {took:.3f} s (debug mode reports 0.100 s or more)"})

    def _loop_index(self, loop):
        if loop is self._last_loop:
            return self._last_index
        index = self._loops.get(loop)
        if index is None:
            self.loop_made(loop)
            index = self._loops[loop]
        self._last_loop, self._last_index = loop, index
        return index


class _Printed:
    """sys.stdout while a traced program runs: writes go through, line ends are counted."""

    def __init__(self, stream, tracer):
        self._stream = stream
        self._tracer = tracer

    def write(self, text):
        if isinstance(text, str):
            self._tracer.printed(text)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class Stepper:
    """Step through: pauses before each callback the reader has not skipped, showing CPython's structures."""

    def __init__(self, tracer, pause):
        self._tracer = tracer
        self._pause = pause  # a StepSnapshot as JSON -> the reader's command
        self.lines = {}  # task or handle -> (SourceLine, started)
        self._stepped = set()  # tasks that have had a step
        self.tick = 0
        self._ran = 0
        self._command = NEXT
        self._command_tick = 0
        self._command_time = 0.0

    def before(self, loop, handle, task, t):
        ran = self._ran
        self._ran += 1
        if not self._should_pause(handle, t):
            return
        snapshot = self.snapshot(loop, handle, task, t, ran)
        self._tracer.flush()  # the picture so far, before the pause shows
        self._command = int(self._pause(json.dumps(snapshot)))
        self._command_tick = self.tick
        self._command_time = t

    def _should_pause(self, handle, t):
        if self._command == NEXT:
            return True
        if self._command == NEXT_TICK:
            return self.tick > self._command_tick
        if self._command == NEXT_TIMER:
            return t > self._command_time or isinstance(handle, events.TimerHandle)
        return False

    def snapshot(self, loop, handle, task, t, ran):
        tracer = self._tracer
        line, note = None, ""
        if task is not None:
            waits = tracer.await_line(task) if task in self._stepped else None
            if waits is not None:
                line, note = waits, f"resumes where it waits, line {waits['line']}"
            elif task in self.lines:
                line = self.lines[task][0]
                note = f"starts; created at line {line['line']}"
            self._stepped.add(task)
        elif handle in self.lines:
            line = self.lines.pop(handle)[0]
            note = f"scheduled at line {line['line']}"
        ready = [h for h in loop._ready if not h._cancelled]
        ready_tasks = {task_of(h) for h in ready}
        timers = sorted(h for h in loop._scheduled if not h._cancelled)
        pending = set(tasks.all_tasks(loop))
        return {
            "time": t,
            "loopKind": type(loop).__name__,
            "tick": self.tick,
            "ran": ran,
            "next": {"what": self.text(handle, task), "line": line, "lineNote": note},
            "ready": [self.text(h, task_of(h)) for h in ready],
            "timers": [{"when": h.when(), "what": self.text(h, None)} for h in timers],
            "tasks": [
                {"name": other.get_name(), "id": tracer.task_id(other),
                 "state": self.state(other, task, ready_tasks, t)}
                for other in tracer._order if other in pending or other.done()
            ],
        }

    def state(self, task, running, ready, t):
        if task is running:
            return "running"
        if task.done():
            if task.cancelled():
                return "done (cancelled)"
            return "done (exception)" if task._exception is not None else "done (result)"
        if task in ready:
            return "ready" if task in self._stepped else "pending"
        waiter = task._fut_waiter
        if waiter is None:
            return "pending"
        on, what, _, until = self._tracer.describe(task, waiter, t)
        if on == "timer":
            return f"waiting on a timer (wakes at {until:.3f})"
        return f"waiting on task {what}" if on == "task" else f"waiting on {what}"

    def text(self, handle, task):
        """A handle in words: "Task-2: step", "Task-2: task_wakeup()", "wake Task-2 (sleep)", "print('hi')"."""
        if task is not None:
            kind = "step" if type(handle._callback).__name__ == "TaskStepMethWrapper" else "task_wakeup()"
            return f"{task.get_name()}: {kind}"
        callback = handle._callback
        if callback is futures._set_result_unless_cancelled and handle._args:
            for waiter, _ in list(getattr(handle._args[0], "_callbacks", None) or []):
                owner = getattr(waiter, "__self__", None)
                if isinstance(owner, _TASK_TYPES):
                    return f"wake {owner.get_name()} (sleep)"
            return "sleep wake-up"
        text = events.format_helpers._format_callback(callback, handle._args, None, debug=True)
        return text if len(text) <= 60 else text[:59] + "…"
`;
