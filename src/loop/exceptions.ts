/** asyncio's exceptions (CPython's `asyncio/exceptions.py`), plus the few Python built-ins the library raises. */

/**
 * The operation was cancelled (Python: `asyncio.CancelledError`).
 *
 * Thrown into a coroutine at its current `yield*` when its task is cancelled, and
 * thrown by `Future.result()`/`exception()` of a cancelled future. In Python it derives
 * from `BaseException`, so `except Exception` does not catch it; JavaScript has no such
 * split, so a bare `catch (e)` does catch it: rethrow it unless you mean to refuse
 * the cancellation.
 */
export class CancelledError extends Error {
  static {
    this.prototype.name = "CancelledError";
  }
}

/**
 * The operation exceeded the given deadline (Python: `asyncio.TimeoutError`, which is
 * the built-in `TimeoutError` since 3.11). `timeout()` and `waitFor()` throw it with the
 * `CancelledError` it replaces as its `cause`.
 */
export class TimeoutError extends Error {
  static {
    this.prototype.name = "TimeoutError";
  }
}

/** The operation is not allowed in this state, e.g. setting the result of a done Future (Python: `asyncio.InvalidStateError`). */
export class InvalidStateError extends Error {
  static {
    this.prototype.name = "InvalidStateError";
  }
}

/** Python's built-in `RuntimeError`: the loop or a primitive is used in a way its state forbids. */
export class RuntimeError extends Error {
  static {
    this.prototype.name = "RuntimeError";
  }
}

/** Python's built-in `ValueError`: an argument has the right type but a wrong value (a NaN delay, an empty set of futures). */
export class ValueError extends Error {
  static {
    this.prototype.name = "ValueError";
  }
}

/** Python's built-in `NotImplementedError`: what the methods of the specification `AbstractEventLoop` throw. */
export class NotImplementedError extends Error {
  static {
    this.prototype.name = "NotImplementedError";
  }
}

/** `Queue.getNowait()` on an empty queue (Python: `asyncio.QueueEmpty`). */
export class QueueEmpty extends Error {
  static {
    this.prototype.name = "QueueEmpty";
  }
}

/** `Queue.putNowait()` on a full queue (Python: `asyncio.QueueFull`). */
export class QueueFull extends Error {
  static {
    this.prototype.name = "QueueFull";
  }
}

/** A `Barrier` was reset or aborted while a task waited on it (Python: `asyncio.BrokenBarrierError`). */
export class BrokenBarrierError extends RuntimeError {
  static {
    this.prototype.name = "BrokenBarrierError";
  }
}

/**
 * The stream ended before the requested number of bytes was read (Python:
 * `asyncio.IncompleteReadError`, an `EOFError`).
 */
export class IncompleteReadError extends Error {
  static {
    this.prototype.name = "IncompleteReadError";
  }
  /** The bytes read before the end of the stream. */
  readonly partial: Uint8Array;
  /** How many bytes were expected, or `null` if reading until a separator. */
  readonly expected: number | null;

  constructor(partial: Uint8Array, expected: number | null) {
    super(`${partial.length} bytes read on a total of ${expected === null ? "undefined" : expected} expected bytes`);
    this.partial = partial;
    this.expected = expected;
  }
}

/** A stream's buffer limit was reached while looking for a separator (Python: `asyncio.LimitOverrunError`). */
export class LimitOverrunError extends Error {
  static {
    this.prototype.name = "LimitOverrunError";
  }
  /** How many bytes to consume to get past the overrun. */
  readonly consumed: number;

  constructor(message: string, consumed: number) {
    super(message);
    this.consumed = consumed;
  }
}

/** What `ExceptionGroup.subgroup()`/`split()` accept: an error class, a list of them, or a predicate. */
export type ExceptionMatcher =
  | (abstract new (...args: never[]) => unknown)
  | readonly (abstract new (...args: never[]) => unknown)[]
  | ((error: unknown) => boolean);

/**
 * Several unrelated errors raised together (Python 3.11's `ExceptionGroup`), as thrown
 * by `taskGroup()` when children fail.
 *
 * A subclass of `AggregateError`: `errors` and `exceptions` are the same list. As in
 * Python, `message` is the text given to the constructor, and `toString()` (what a
 * Python traceback shows as `str(eg)`) adds the count:
 * `ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)`.
 *
 * @example
 * ```ts
 * try {
 *   yield* asyncio.taskGroup(function* (tg) {
 *     tg.createTask(fails());
 *   });
 * } catch (e) {
 *   if (!(e instanceof asyncio.ExceptionGroup)) throw e;
 *   const [valueErrors, rest] = e.split(asyncio.ValueError);
 * }
 * ```
 */
export class ExceptionGroup extends AggregateError {
  static {
    this.prototype.name = "ExceptionGroup";
  }

  /**
   * @param message - what the group is about.
   * @param exceptions - the errors, at least one (else `ValueError`, as in Python).
   */
  constructor(message: string, exceptions: Iterable<unknown>) {
    const list = Array.from(exceptions);
    if (list.length === 0) throw new ValueError("second argument (exceptions) must be a non-empty sequence");
    super(list, message);
  }

  /** The errors of the group, in order (Python: `eg.exceptions`). */
  get exceptions(): readonly unknown[] {
    return this.errors;
  }

  /** `message (N sub-exception[s])`, Python's `str()` of a group. */
  override toString(): string {
    const n = this.errors.length;
    return `${this.name}: ${this.message} (${n} sub-exception${n > 1 ? "s" : ""})`;
  }

  /**
   * The errors matching `matcher`, nested groups kept in shape, or `null` if none match.
   * A predicate is applied to nested groups first, then to their leaves.
   */
  subgroup(matcher: ExceptionMatcher): ExceptionGroup | null {
    return this.split(matcher)[0];
  }

  /** `[matching, rest]`: the group split by `matcher`, each part `null` if empty. */
  split(matcher: ExceptionMatcher): [ExceptionGroup | null, ExceptionGroup | null] {
    const test = toPredicate(matcher);
    if (test(this)) return [this, null];
    const matched: unknown[] = [];
    const rest: unknown[] = [];
    for (const e of this.errors) {
      if (e instanceof ExceptionGroup) {
        const [m, r] = e.split(matcher);
        if (m !== null) matched.push(m);
        if (r !== null) rest.push(r);
      } else if (test(e)) {
        matched.push(e);
      } else {
        rest.push(e);
      }
    }
    return [
      matched.length === 0 ? null : this.derive(matched),
      rest.length === 0 ? null : this.derive(rest),
    ];
  }

  /** A group with the same message around other errors (Python: `derive()`); `split` uses it. */
  derive(exceptions: Iterable<unknown>): ExceptionGroup {
    const group = new ExceptionGroup(this.message, exceptions);
    if (this.cause !== undefined) group.cause = this.cause;
    return group;
  }
}

function toPredicate(matcher: ExceptionMatcher): (error: unknown) => boolean {
  if (Array.isArray(matcher)) return (e) => matcher.some((cls) => e instanceof cls);
  const fn = matcher as (abstract new (...args: never[]) => unknown) | ((error: unknown) => boolean);
  const isClass =
    fn === Error || fn.prototype instanceof Error || /^class\b/.test(Function.prototype.toString.call(fn));
  if (isClass) return (e) => e instanceof (fn as abstract new (...args: never[]) => unknown);
  return fn as (error: unknown) => boolean;
}
