/**
 * How the names of this package read in Python's asyncio: the hand-written half of the site's
 * reference page (the other half, the contracts, comes from the TSDoc of each export). Data
 * only, and not part of the package: `tsconfig.json` leaves it out of `dist`, so the runtimes
 * never ship it. `src/reference/reference.test.ts` keeps it in step with the exports: every
 * export needs an entry, and every entry must name an export.
 *
 * An entry is Python's spelling (a string), `null` where asyncio has no counterpart, or
 * `{ python, note }` where the port differs or JavaScript cannot do what Python does.
 */

export interface NotedName {
  python: string | null;
  /** One or two sentences: what differs, and why. */
  note: string;
}

export type PythonName = string | null | NotedName;

/** Every export of the package, by our name. */
export const EXPORTS: Readonly<Record<string, PythonName>> = {
  // coroutines.ts
  Coroutine: {
    python: "collections.abc.Coroutine",
    note: "A generator: `async def f()` is `function* f(): asyncio.Coroutine<T>`, and `await x` is `yield* x`.",
  },
  Awaitable: "collections.abc.Awaitable",
  AwaitedOf: null,
  Yielded: null,
  isCoroutineFunction: "inspect.iscoroutinefunction()",
  isCoroutine: "asyncio.iscoroutine()",
  isAwaitable: "inspect.isawaitable()",

  // runners.ts
  run: {
    python: "asyncio.run()",
    note: "Returns a Promise: JavaScript cannot block until the loop is done, so `await` it (top-level `await` in a module).",
  },
  Runner: "asyncio.Runner",
  RunOptions: { python: null, note: "Python's keyword arguments `debug=` and `loop_factory=`, as an object." },

  // tasks.ts
  Task: {
    python: "asyncio.Task",
    note: "A coroutine that yields a generator gets Python's `RuntimeError`, but the message names the JavaScript fix, `yield*`, where Python's says `yield from`.",
  },
  createTask: "asyncio.create_task()",
  currentTask: "asyncio.current_task()",
  allTasks: "asyncio.all_tasks()",
  ensureFuture: "asyncio.ensure_future()",
  sleep: "asyncio.sleep()",
  gather: "asyncio.gather()",
  GatherOptions: {
    python: null,
    note: "JavaScript has no keyword arguments: `return_exceptions=True` is a last argument `{ returnExceptions: true }`.",
  },
  GatherResults: null,
  GatherResultsOrErrors: null,
  wait: "asyncio.wait()",
  WaitOptions: { python: null, note: "Python's keyword arguments `timeout=` and `return_when=`, as an object." },
  ReturnWhen: null,
  FIRST_COMPLETED: "asyncio.FIRST_COMPLETED",
  FIRST_EXCEPTION: "asyncio.FIRST_EXCEPTION",
  ALL_COMPLETED: "asyncio.ALL_COMPLETED",
  waitFor: "asyncio.wait_for()",
  shield: "asyncio.shield()",
  asCompleted: "asyncio.as_completed()",

  // eager-tasks.ts
  eagerTaskFactory: "asyncio.eager_task_factory",
  createEagerTaskFactory: "asyncio.create_eager_task_factory()",
  TaskConstructor: { python: null, note: "The type of the class `createEagerTaskFactory()` takes; Python needs no name for it." },

  // taskgroups.ts
  TaskGroup: "asyncio.TaskGroup",
  taskGroup: {
    python: "async with asyncio.TaskGroup() as tg:",
    note: "JavaScript has no `async with`: the block is a generator function that receives the group.",
  },

  // timeouts.ts
  Timeout: "asyncio.Timeout",
  timeout: {
    python: "async with asyncio.timeout(delay) as cm:",
    note: "JavaScript has no `async with`: the block is a generator function that receives the `Timeout`.",
  },
  timeoutAt: {
    python: "async with asyncio.timeout_at(when) as cm:",
    note: "JavaScript has no `async with`: the block is a generator function that receives the `Timeout`.",
  },

  // futures.ts
  Future: "asyncio.Future",
  isFuture: "asyncio.isfuture()",
  DoneCallback: null,

  // events.ts
  AbstractEventLoop: "asyncio.AbstractEventLoop",
  AbstractEventLoopPolicy: "asyncio.AbstractEventLoopPolicy",
  BaseDefaultEventLoopPolicy: "asyncio.events.BaseDefaultEventLoopPolicy",
  Handle: {
    python: "asyncio.Handle",
    note: "Its repr and the \"Exception in callback f()\" report lack CPython's ` at FILE:LINE`: a JavaScript function does not know where it was defined.",
  },
  TimerHandle: "asyncio.TimerHandle",
  getRunningLoop: "asyncio.get_running_loop()",
  getEventLoop: "asyncio.get_event_loop()",
  setEventLoop: "asyncio.set_event_loop()",
  newEventLoop: "asyncio.new_event_loop()",
  getEventLoopPolicy: "asyncio.get_event_loop_policy()",
  setEventLoopPolicy: "asyncio.set_event_loop_policy()",
  ExceptionContext: { python: null, note: "Python passes the handler a `context` dict; here it is an object." },
  ExceptionHandler: null,
  TaskFactory: null,
  Runnable: null,

  // base-events.ts
  BaseEventLoop: "asyncio.BaseEventLoop",
  DefaultEventLoopPolicy: "asyncio.DefaultEventLoopPolicy",

  // locks.ts
  Lock: "asyncio.Lock",
  Event: "asyncio.Event",
  Condition: "asyncio.Condition",
  Semaphore: "asyncio.Semaphore",
  BoundedSemaphore: "asyncio.BoundedSemaphore",
  Barrier: "asyncio.Barrier",
  asyncWith: {
    python: "async with lock:",
    note: "JavaScript has no `async with`: the block is a generator function, run holding the lock.",
  },
  AsyncLock: null,

  // queues.ts
  Queue: "asyncio.Queue",
  PriorityQueue: "asyncio.PriorityQueue",
  LifoQueue: "asyncio.LifoQueue",
  QueueShutDown: "asyncio.QueueShutDown",

  // exceptions.ts
  CancelledError: "asyncio.CancelledError",
  TimeoutError: "asyncio.TimeoutError",
  InvalidStateError: "asyncio.InvalidStateError",
  QueueEmpty: "asyncio.QueueEmpty",
  QueueFull: "asyncio.QueueFull",
  BrokenBarrierError: "asyncio.BrokenBarrierError",
  IncompleteReadError: "asyncio.IncompleteReadError",
  LimitOverrunError: "asyncio.LimitOverrunError",
  RuntimeError: "RuntimeError",
  ValueError: "ValueError",
  NotImplementedError: "NotImplementedError",
  ExceptionGroup: {
    python: "ExceptionGroup",
    note: "JavaScript has no `except*`: catch the group and take it apart with `split()` or `subgroup()`.",
  },
  ExceptionMatcher: null,

  // streams.ts
  openConnection: {
    python: "asyncio.open_connection()",
    note: "Bytes are `Uint8Array`. In the browser there are no sockets: connections go over an in-memory loopback (`memoryBackend`) to servers of the same page.",
  },
  startServer: "asyncio.start_server()",
  StreamReader: "asyncio.StreamReader",
  StreamWriter: "asyncio.StreamWriter",
  StreamReaderProtocol: "asyncio.StreamReaderProtocol",
  Server: "asyncio.Server",
  FlowControlProtocol: "asyncio.streams.FlowControlMixin",
  ClientConnectedCallback: null,
  StreamOptions: null,
  ServerOptions: null,

  // transports.ts, transport-memory.ts
  Transport: "asyncio.Transport",
  Protocol: "asyncio.Protocol",
  BaseStreamTransport: "asyncio.selector_events._SelectorTransport",
  ServerSocket: "asyncio.trsock.TransportSocket",
  ExtraInfo: null,
  NetworkBackend: null,
  AcceptingServer: null,
  Listener: null,
  getNetworkBackend: null,
  setNetworkBackend: null,
  MemoryTransport: null,
  memoryBackend: null,

  // os-errors.ts
  OSError: "OSError",
  ConnectionError: "ConnectionError",
  BrokenPipeError: "BrokenPipeError",
  ConnectionAbortedError: "ConnectionAbortedError",
  ConnectionRefusedError: "ConnectionRefusedError",
  ConnectionResetError: "ConnectionResetError",

  // threads.ts
  toThread: {
    python: "asyncio.to_thread()",
    note: "JavaScript threads share no memory: `fn` is sent to a worker as source text, so it cannot use the variables around it, and its arguments and result are structured-cloned.",
  },
  ThreadPoolExecutor: "concurrent.futures.ThreadPoolExecutor",
  Executor: "concurrent.futures.Executor",
  ConcurrentFuture: "concurrent.futures.Future",
  wrapFuture: "asyncio.wrap_future()",
  DataCloneError: {
    python: null,
    note: "Python threads share objects; JavaScript workers receive structured-cloned copies, and this is what fails to copy.",
  },
  ThreadPlatform: null,
  WorkerThread: null,
  getThreadPlatform: null,
  setThreadPlatform: null,

  // virtual-time.ts, instruments.ts, host.ts: beyond asyncio
  VirtualTimeLoop: {
    python: "test.test_asyncio.utils.TestLoop",
    note: "CPython's own test loop, not part of asyncio's API; this one jumps to the next timer by itself.",
  },
  Instrument: { python: null, note: "trio's `trio.abc.Instrument`; asyncio has no such hooks." },
  InstrumentHook: null,
  instrumentHooks: null,
  installInstrument: { python: null, note: "Beyond asyncio: a tool's way to watch every loop a program makes." },
  uninstallInstrument: null,
  noteWait: null,
  waitOwner: null,
  waitDetail: null,
  coroutineStarted: null,
  Host: null,
  MacrotaskQueue: null,
  Macrotask: null,
  MessageChannelLike: null,
  defaultHost: null,
  getHost: null,
  setHost: null,
};

/**
 * Class members whose Python name is not the mechanical one. The mechanical one is the member's
 * name in snake_case on the class's Python name (`Future.addDoneCallback` →
 * `Future.add_done_callback()`), and `toString()` is `__repr__()`; members of a class without a
 * Python counterpart have none unless listed here.
 */
export const MEMBERS: Readonly<Record<string, PythonName>> = {
  "ExceptionGroup.toString": "ExceptionGroup.__str__()",
  "Timeout.run": {
    python: "async with cm:",
    note: "JavaScript has no `async with`: `timeout()` calls this with the block, a generator function.",
  },
  "TaskGroup.run": {
    python: "async with tg:",
    note: "JavaScript has no `async with`: `taskGroup()` calls this with the block, a generator function.",
  },
  "AbstractEventLoop.addInstrument": { python: null, note: "Beyond asyncio: trio-style instruments." },
  "AbstractEventLoop.removeInstrument": { python: null, note: "Beyond asyncio: trio-style instruments." },
  "BaseEventLoop.addInstrument": { python: null, note: "Beyond asyncio: trio-style instruments." },
  "BaseEventLoop.removeInstrument": { python: null, note: "Beyond asyncio: trio-style instruments." },
  "AbstractEventLoop.runUntilComplete": {
    python: "AbstractEventLoop.run_until_complete()",
    note: "Returns a Promise: JavaScript cannot block the thread until the loop is done, so `await` it.",
  },
  "AbstractEventLoop.runForever": {
    python: "AbstractEventLoop.run_forever()",
    note: "Returns a Promise that settles when the loop stops, for the same reason.",
  },
  "VirtualTimeLoop.advance": "TestLoop.advance_time()",
  "OSError.code": { python: null, note: "Node's symbolic error code (`ECONNRESET`)." },
  "ThreadPoolExecutor.maxWorkers": "ThreadPoolExecutor._max_workers",
};

/** Python syntax and idioms, and how they read here. */
export interface Idiom {
  python: string;
  ours: string;
  /** The exports (`name`) or class members (`Class.member`) the idiom uses. */
  uses: readonly string[];
  note?: string;
}

export const IDIOMS: readonly Idiom[] = [
  {
    python: "async def f() -> T: ...",
    ours: "function* f(): asyncio.Coroutine<T> { ... }",
    uses: ["Coroutine"],
    note: "A coroutine is a generator; calling it runs nothing until a task drives it, as in Python.",
  },
  { python: "await x", ours: "yield* x", uses: ["Awaitable"] },
  { python: "asyncio.run(main())", ours: "await asyncio.run(main())", uses: ["run"] },
  { python: "loop.run_until_complete(f)", ours: "await loop.runUntilComplete(f)", uses: ["AbstractEventLoop.runUntilComplete"] },
  { python: "async with asyncio.TaskGroup() as tg: ...", ours: "yield* asyncio.taskGroup(function* (tg) { ... })", uses: ["taskGroup"] },
  { python: "async with asyncio.timeout(1.5) as cm: ...", ours: "yield* asyncio.timeout(1.5, function* (cm) { ... })", uses: ["timeout"] },
  { python: "async with lock: ...", ours: "yield* asyncio.asyncWith(lock, function* () { ... })", uses: ["asyncWith"] },
  {
    python: "for aw in asyncio.as_completed(aws): x = await aw",
    ours: "for (const aw of asyncio.asCompleted(aws)) { const x = yield* aw; }",
    uses: ["asCompleted"],
  },
  {
    python: "asyncio.gather(*aws, return_exceptions=True)",
    ours: "asyncio.gather(...aws, { returnExceptions: true })",
    uses: ["gather", "GatherOptions"],
  },
  {
    python: "except* ValueError as eg: ...",
    ours: "const [matched, rest] = eg.split(ValueError)",
    uses: ["ExceptionGroup.split"],
    note: "JavaScript has no `except*`.",
  },
  { python: "coro.send(None)", ours: "coro.next()", uses: ["Coroutine"] },
  { python: "coro.throw(exc)", ours: "coro.throw(exc)", uses: ["Coroutine"] },
  {
    python: "StopIteration.value",
    ours: "const { done, value } = coro.next()",
    uses: ["Coroutine"],
    note: "Once `done` is true, `value` is what the coroutine returned.",
  },
  { python: "bytes", ours: "Uint8Array", uses: ["StreamReader"], note: "`StreamWriter.write()` also takes a string, encoded as UTF-8." },
];

/** asyncio names this package does not provide, and why. */
export const NOT_PORTED: readonly NotedName[] = [
  {
    python: "asyncio.run_coroutine_threadsafe()",
    note: "A worker thread cannot reach the loop's objects: JavaScript threads share no memory.",
  },
  {
    python: "loop.add_reader() / loop.add_writer()",
    note: "JavaScript hosts expose no file-descriptor readiness; I/O arrives as host events.",
  },
  { python: "loop.add_signal_handler()", note: "Not ported: a browser has no signals." },
  { python: "asyncio.create_subprocess_exec()", note: "Not ported: a browser has no processes." },
  { python: "loop.create_datagram_endpoint()", note: "Not ported: TCP streams only." },
  { python: "asyncio.open_unix_connection()", note: "Not ported: TCP streams only." },
  { python: "contextvars", note: "Not ported: tasks do not carry a context." },
];
