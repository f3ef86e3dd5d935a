/**
 * asyncio's model in TypeScript: the public surface. Names are listed, not `export *`:
 * `_`-prefixed names are shared between the library's modules and stay inside it.
 */
export {
  CancelledError,
  TimeoutError,
  InvalidStateError,
  RuntimeError,
  ValueError,
  NotImplementedError,
  QueueEmpty,
  QueueFull,
  BrokenBarrierError,
  IncompleteReadError,
  LimitOverrunError,
  ExceptionGroup,
  type ExceptionMatcher,
} from "./exceptions.ts";
export {
  isCoroutineFunction,
  isCoroutine,
  isAwaitable,
  type Yielded,
  type Coroutine,
  type Awaitable,
  type AwaitedOf,
} from "./coroutines.ts";
export {
  Handle,
  TimerHandle,
  AbstractEventLoop,
  AbstractEventLoopPolicy,
  BaseDefaultEventLoopPolicy,
  getRunningLoop,
  getEventLoop,
  setEventLoop,
  newEventLoop,
  getEventLoopPolicy,
  setEventLoopPolicy,
  type ExceptionContext,
  type ExceptionHandler,
  type TaskFactory,
  type Runnable,
} from "./events.ts";
export {
  Future,
  isFuture,
  type DoneCallback,
} from "./futures.ts";
export {
  Task,
  createTask,
  currentTask,
  allTasks,
  ensureFuture,
  sleep,
  gather,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  wait,
  waitFor,
  shield,
  asCompleted,
  type GatherOptions,
  type GatherResults,
  type GatherResultsOrErrors,
  type ReturnWhen,
  type WaitOptions,
} from "./tasks.ts";
export {
  BaseEventLoop,
  DefaultEventLoopPolicy,
} from "./base-events.ts";
export {
  Runner,
  run,
  type RunOptions,
} from "./runners.ts";
export {
  Timeout,
  timeout,
  timeoutAt,
} from "./timeouts.ts";
export {
  TaskGroup,
  taskGroup,
} from "./taskgroups.ts";
export {
  createEagerTaskFactory,
  eagerTaskFactory,
  type TaskConstructor,
} from "./eager-tasks.ts";
export {
  asyncWith,
  Lock,
  Event,
  Condition,
  Semaphore,
  BoundedSemaphore,
  Barrier,
  type AsyncLock,
} from "./locks.ts";
export {
  QueueShutDown,
  Queue,
  PriorityQueue,
  LifoQueue,
} from "./queues.ts";
export {
  VirtualTimeLoop,
} from "./virtual-time.ts";
// The `asyncio/instruments` entry's names, from its one list.
export * from "./instruments-entry.ts";
export {
  MacrotaskQueue,
  defaultHost,
  getHost,
  setHost,
  type Host,
  type Macrotask,
  type MessageChannelLike,
} from "./host.ts";
