/** Queues for producers and consumers: asyncio's `queues.py` (3.12), with 3.13's `shutdown()`. */
import type { Coroutine, Yielded } from "./coroutines.ts";
import { QueueEmpty, QueueFull, RuntimeError, ValueError } from "./exceptions.ts";
import { _BLOCKING, _nameProbe, _PENDING, type Future } from "./futures.ts";
import { Event } from "./locks.ts";
import { LoopBoundMixin } from "./mixins.ts";
import { _taskWaiting, _waitWatched, noteWait } from "./instruments.ts";
import { Deque } from "./ring-deque.ts";

/** Thrown when putting on to, or getting from, a shut-down queue (Python 3.13: `asyncio.QueueShutDown`). */
export class QueueShutDown extends Error {
  static {
    this.prototype.name = "QueueShutDown";
  }
}

/**
 * A first-in, first-out queue for coordinating producer and consumer tasks
 * (Python: `asyncio.Queue`).
 *
 * With `maxsize <= 0` (the default) the queue is unbounded; otherwise `put()` waits
 * while it holds `maxsize` items, until a `get()` makes room. Waiting getters, and
 * waiting putters, are woken in the order they started waiting. As in asyncio, that
 * is not strict fairness: a task calling `get()` while an item is there takes it at
 * once, even if a woken getter has yet to run (that getter then waits again, last).
 *
 * Unlike a thread-safe queue, `qsize()` is reliable: nothing else runs between
 * reading it and acting on it unless this task yields to the loop.
 *
 * Subclasses change the ordering by overriding only `_init`, `_get` and `_put`
 * (see `PriorityQueue`, `LifoQueue`). `_init` runs inside this constructor, before
 * the subclass's own field initializers.
 *
 * @typeParam T - the type of the items.
 * @example
 * ```ts
 * const queue = new asyncio.Queue<number>(2);
 * function* producer(): asyncio.Coroutine<void> {
 *   for (let i = 0; i < 5; i++) yield* queue.put(i);
 *   queue.shutdown();
 * }
 * function* consumer(): asyncio.Coroutine<void> {
 *   try {
 *     for (;;) {
 *       console.log(yield* queue.get());
 *       queue.taskDone();
 *     }
 *   } catch (error) {
 *     if (!(error instanceof asyncio.QueueShutDown)) throw error;
 *   }
 * }
 * ```
 */
export class Queue<T> extends LoopBoundMixin {
  protected _queue!: Deque<T> | T[];
  private readonly _maxsize: number;
  readonly _getters = new Deque<Future<void>>();
  readonly _putters = new Deque<Future<void>>();
  private _unfinishedTasks = 0;
  private readonly _finished = new Event();
  _isShutdown = false;

  /** @param maxsize - the capacity; `<= 0` (the default) means unbounded. */
  constructor(maxsize = 0) {
    super();
    this._maxsize = maxsize;
    this._finished.set();
    this._init(maxsize);
  }

  // These three are overridable in subclasses.

  /** Create the container, `_queue` (called by the constructor). */
  protected _init(_maxsize: number): void {
    this._queue = new Deque<T>();
  }

  /** Remove and return the next item; the queue is not empty. */
  protected _get(): T {
    return (this._queue as Deque<T>).shift() as T;
  }

  /** Add `item`; the queue is not full. */
  protected _put(item: T): void {
    (this._queue as Deque<T>).push(item);
  }

  // End of the overridable methods.

  /** Wake the first waiter not already done (cancelled waiters are dropped on the way). */
  _wakeupNext(waiters: Deque<Future<void>>): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift()!;
      if (!waiter.done()) {
        waiter.setResult(undefined);
        break;
      }
    }
  }

  /** `<Queue maxsize=2 _queue=[1, 2] _putters[1] tasks=2>`: Python's `str()`. */
  override toString(): string {
    let result = `maxsize=${this._maxsize}`;
    if (this._queue.length > 0) result += ` _queue=[${Array.from(this._queue, formatItem).join(", ")}]`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinishedTasks > 0) result += ` tasks=${this._unfinishedTasks}`;
    if (this._isShutdown) result += " shutdown";
    return `<${this.constructor.name} ${result}>`;
  }

  /** Number of items in the queue. */
  qsize(): number {
    return this._queue.length;
  }

  /** The capacity given to the constructor (`<= 0`: unbounded). */
  get maxsize(): number {
    return this._maxsize;
  }

  /** `true` if the queue holds no items. */
  empty(): boolean {
    return this._queue.length === 0;
  }

  /** `true` if the queue holds `maxsize` items; never for an unbounded queue. */
  full(): boolean {
    return this._maxsize > 0 && this._queue.length >= this._maxsize;
  }

  /**
   * Put `item` into the queue, first waiting for a free slot if it is full.
   *
   * - Not full: puts it without yielding to the loop.
   * - Full: waits its turn among the putters (FIFO). If cancelled just after being
   *   handed a free slot, passes the slot on to the next putter.
   * - Shut down (on entry while full, or while waiting): throws `QueueShutDown`.
   */
  put(item: T): Coroutine<void> {
    return new QueueWait(this, PUT, item) as unknown as Coroutine<void>;
  }

  /** A wait for a free slot, as `put()`'s first step or its wake-up: the future to yield, or `null` if there is room. */
  _putterOrNull(): Future<void> | null {
    if (!this.full()) return null;
    if (this._isShutdown) throw new QueueShutDown();
    const putter = this._getLoop().createFuture<void>();
    noteWait(putter, this);
    this._putters.push(putter);
    return putter;
  }

  /** `put()` was interrupted while `putter` waited (cancelled, or an error thrown in): leave the line. */
  _putterFailed(putter: Future<void>): void {
    putter.cancel(); // in case it is not done yet
    // A getNowait() or shutdown() may already have dropped it.
    this._putters.remove(putter);
    // Woken by getNowait() but cannot take the slot: wake the next in line.
    if (!this.full() && !putter.cancelled()) this._wakeupNext(this._putters);
  }

  /**
   * Put `item` into the queue without waiting, and wake the first waiting getter.
   *
   * - Full: throws `QueueFull`. Shut down: throws `QueueShutDown`.
   */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinishedTasks++;
    this._finished.clear();
    this._wakeupNext(this._getters);
  }

  /**
   * Remove and return an item, first waiting for one if the queue is empty.
   *
   * - Not empty: returns an item without yielding to the loop (even after a
   *   non-immediate shutdown: the remaining items can still be drained).
   * - Empty: waits its turn among the getters (FIFO). If cancelled just after being
   *   woken for an item, passes the wake-up on to the next getter.
   * - Empty and shut down (on entry or while waiting): throws `QueueShutDown`.
   */
  get(): Coroutine<T> {
    return new QueueWait(this, GET, undefined) as unknown as Coroutine<T>;
  }

  /** A wait for an item, as `get()`'s first step or its wake-up: the future to yield, or `null` if there is an item. */
  _getterOrNull(): Future<void> | null {
    if (!this.empty()) return null;
    if (this._isShutdown) throw new QueueShutDown();
    const getter = this._getLoop().createFuture<void>();
    noteWait(getter, this);
    this._getters.push(getter);
    return getter;
  }

  /** `get()` was interrupted while `getter` waited: leave the line. */
  _getterFailed(getter: Future<void>): void {
    getter.cancel(); // in case it is not done yet
    // A putNowait() or shutdown() may already have dropped it.
    this._getters.remove(getter);
    // Woken by putNowait() but cannot take the item: wake the next in line.
    if (!this.empty() && !getter.cancelled()) this._wakeupNext(this._getters);
  }

  /**
   * Remove and return an item without waiting, and wake the first waiting putter.
   *
   * - Empty: throws `QueueEmpty`, or `QueueShutDown` if the queue is shut down.
   */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._get();
    this._wakeupNext(this._putters);
    return item;
  }

  /**
   * Mark one formerly enqueued item as processed: for each `get()`, a consumer calls
   * `taskDone()` once its work on the item is complete. When every item put has been
   * marked done, `join()` returns.
   *
   * Called more times than items were put: throws
   * `ValueError('task_done() called too many times')`.
   */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new ValueError("task_done() called too many times");
    this._unfinishedTasks--;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /**
   * Wait until every item put into the queue has been got and marked done with
   * `taskDone()`. Returns at once, without yielding, if none is unfinished.
   */
  *join(): Coroutine<void> {
    if (this._unfinishedTasks > 0) yield* this._finished.wait();
  }

  /**
   * Shut the queue down: from now on `put()` and `putNowait()` throw `QueueShutDown`,
   * and so do `get()` and `getNowait()` once the queue is empty. Every task waiting in
   * `put()` or `get()` is woken to see it.
   *
   * With `immediate`, the remaining items are dropped at once (so gets throw at once)
   * and each dropped item counts as done, which may release `join()`.
   */
  shutdown(immediate = false): void {
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._get();
        if (this._unfinishedTasks > 0) this._unfinishedTasks--;
      }
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    // Every waiter must re-check, and throw QueueShutDown.
    for (const waiters of [this._getters, this._putters]) {
      while (waiters.length > 0) {
        const waiter = waiters.shift()!;
        if (!waiter.done()) waiter.setResult(undefined);
      }
    }
  }
}

const GET = 0;
const PUT = 1;
const WAITING = 1;
const FINISHED = 2;

/**
 * `yield* queue.get()` and `yield* queue.put(item)`: the generator each would be, written
 * out as an iterator. A message through a queue is the hot path of producer and consumer
 * code, and a generator plus the `yield*` into its future costs several objects and
 * resumptions per wait; this costs one object. Step for step it is
 *
 * ```ts
 * while (queue.empty()) {          // put: while (queue.full())
 *   if (shutdown) throw new QueueShutDown();
 *   const getter = loop.createFuture(); queue._getters.push(getter);
 *   try { yield* getter; } catch (error) { leave the line; throw error; }
 * }
 * return queue.getNowait();        // put: queue.putNowait(item)
 * ```
 *
 * with `yield* getter` as `Future`'s own iterator does it (the name probe, the
 * `taskWaiting` hook, `_asyncioFutureBlocking`, and "await wasn't used with future").
 */
class QueueWait<T> implements Iterator<Yielded, unknown, unknown> {
  private _state = 0;
  private _waiter: Future<void> | null = null;
  private readonly _queue: Queue<T>;
  private readonly _op: typeof GET | typeof PUT;
  private readonly _item: T | undefined;

  constructor(queue: Queue<T>, op: typeof GET | typeof PUT, item: T | undefined) {
    this._queue = queue;
    this._op = op;
    this._item = item;
  }

  next(): IteratorResult<Yielded, unknown> {
    if (this._state === FINISHED) return { done: true, value: undefined };
    const queue = this._queue;
    const waiter = this._waiter;
    if (waiter !== null) {
      // Resumed at `yield* waiter`: it must be done; its result rethrows a cancellation.
      this._waiter = null;
      try {
        if (waiter._state === _PENDING) throw new RuntimeError("await wasn't used with future");
        waiter.result();
      } catch (error) {
        this._fail(waiter);
        throw error;
      }
    }
    this._state = WAITING;
    let next: Future<void> | null;
    try {
      next = this._op === GET ? queue._getterOrNull() : queue._putterOrNull();
    } catch (error) {
      this._state = FINISHED;
      throw error;
    }
    if (next === null) {
      this._state = FINISHED;
      if (this._op === GET) return { done: true, value: queue.getNowait() };
      queue.putNowait(this._item as T);
      return { done: true, value: undefined };
    }
    this._waiter = next;
    if (_nameProbe.task !== null) _nameProbe.task._probeCoroutineName();
    if (_waitWatched.on) _taskWaiting(next._loop);
    next._flags |= _BLOCKING;
    return { done: false, value: next };
  }

  throw(error: unknown): IteratorResult<Yielded, unknown> {
    const waiter = this._waiter;
    this._waiter = null;
    this._state = FINISHED;
    if (waiter !== null) this._fail(waiter);
    throw error;
  }

  return(value?: unknown): IteratorResult<Yielded, unknown> {
    // As a generator returns at `yield*`: no catch block runs.
    this._waiter = null;
    this._state = FINISHED;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }

  private _fail(waiter: Future<void>): void {
    this._state = FINISHED;
    if (this._op === GET) this._queue._getterFailed(waiter);
    else this._queue._putterFailed(waiter);
  }
}

/**
 * A `Queue` that returns the smallest item first (Python: `asyncio.PriorityQueue`).
 *
 * Items are ordered as Python orders them, which here means:
 * - numbers, bigints and booleans by value;
 * - strings by Unicode code point (Python's order, not JavaScript's UTF-16 order);
 * - arrays like Python tuples: element by element, the first unequal pair decides,
 *   and a prefix comes first. Elements past the deciding one are never compared, so
 *   `[priority, data]` works for any `data` as long as priorities differ;
 * - anything else, or a mix such as a number against a string, throws `TypeError`
 *   from the put or get that compares them, as Python does. To queue objects, wrap them as
 *   `[priority, sequenceNumber, object]`.
 *
 * The heap is Python's `heapq`, step for step, so items that compare equal come out
 * in the same order as in Python.
 */
export class PriorityQueue<T> extends Queue<T> {
  declare protected _queue: T[];

  protected override _init(_maxsize: number): void {
    this._queue = [];
  }

  protected override _put(item: T): void {
    heappush(this._queue, item);
  }

  protected override _get(): T {
    return heappop(this._queue);
  }
}

/** A `Queue` that returns the most recently added item first (Python: `asyncio.LifoQueue`). */
export class LifoQueue<T> extends Queue<T> {
  declare protected _queue: T[];

  protected override _init(_maxsize: number): void {
    this._queue = [];
  }

  protected override _put(item: T): void {
    this._queue.push(item);
  }

  protected override _get(): T {
    return this._queue.pop()!;
  }
}

// Python's heapq, line for line, so that equal items leave in Python's order.

function heappush<T>(heap: T[], item: T): void {
  heap.push(item);
  siftDown(heap, 0, heap.length - 1);
}

function heappop<T>(heap: T[]): T {
  const last = heap.pop()!;
  if (heap.length === 0) return last;
  const result = heap[0]!;
  heap[0] = last;
  siftUp(heap, 0);
  return result;
}

function siftDown<T>(heap: T[], start: number, pos: number): void {
  const item = heap[pos]!;
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos]!;
    if (!lessThan(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

function siftUp<T>(heap: T[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos]!;
  // Move the smaller child up until hitting a leaf, then sift the item down into place.
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !lessThan(heap[child], heap[right])) child = right;
    heap[pos] = heap[child]!;
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}

/** Python's `a < b` for numbers, strings and (as tuples) arrays; `TypeError` otherwise. */
function lessThan(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return (a as number) < (b as number);
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b) < 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!equals(a[i], b[i])) return lessThan(a[i], b[i]);
    }
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

function isNumeric(x: unknown): boolean {
  const t = typeof x;
  return t === "number" || t === "bigint" || t === "boolean";
}

// Python's `==` as tuple comparison uses it: by value for these types, identity otherwise.
function equals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // biome-ignore lint/suspicious/noDoubleEquals: compares number, bigint and boolean by value (1 == 1n == true)
  if (isNumeric(a) && isNumeric(b)) return a == b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equals(a[i], b[i])) return false;
    return true;
  }
  return false;
}

// Code point order. UTF-16 order differs only where a surrogate pair meets U+E000..U+FFFF.
function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}

function formatItem(x: unknown): string {
  if (typeof x === "string") return `'${x}'`;
  if (Array.isArray(x)) return `[${x.map(formatItem).join(", ")}]`;
  return String(x);
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "Array";
  if (typeof x === "object" || typeof x === "function") return (x as object).constructor?.name ?? "Object";
  return typeof x;
}
