/** Coroutines are generators: the types, and the checks `asyncio.iscoroutine`/`iscoroutinefunction` make. */
import type { Future } from "./futures.ts";

/**
 * What a coroutine may yield to the task that drives it: a Future to wait for, or
 * `undefined` to give up the loop for one iteration (a bare `yield`, what
 * `sleep(0)` does). Anything else is a programming error the task reports.
 */
// biome-ignore lint/suspicious/noExplicitAny: a future of any type may be yielded; its result goes back to the yielder
export type Yielded = Future<any> | undefined;

/**
 * A coroutine returning `T` (Python: the object an `async def` call returns).
 *
 * Write one as a generator function and `yield*` (Python's `await`) inside it:
 *
 * @example
 * ```ts
 * function* double(x: number): asyncio.Coroutine<number> {
 *   yield* asyncio.sleep(0.1);
 *   return 2 * x;
 * }
 * function* main(): asyncio.Coroutine<void> {
 *   console.log(yield* double(21)); // 42
 * }
 * await asyncio.run(main());
 * ```
 */
export type Coroutine<T = unknown> = Generator<Yielded, T, unknown>;

/**
 * Anything `yield*` can wait on (Python: an awaitable, whose `__await__` returns an
 * iterator): a coroutine, a `Future`, a `Task`, or any object whose
 * `[Symbol.iterator]()` returns an iterator yielding `Yielded` values and returning `T`.
 */
export interface Awaitable<T = unknown> {
  [Symbol.iterator](): Iterator<Yielded, T, unknown>;
}

/** The result type of an awaitable: `AwaitedOf<Coroutine<number>>` is `number`. */
export type AwaitedOf<A> = A extends { [Symbol.iterator](): Iterator<unknown, infer T, unknown> } ? T : never;

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as (...args: never[]) => unknown;

/** `%GeneratorPrototype%`: what every generator inherits its `next`, `throw` and `return` from. */
const GeneratorPrototype: Coroutine = Object.getPrototypeOf(function* () {}).prototype;

/** The built-in `next` of every generator. */
export const _generatorNext: (this: Coroutine) => IteratorResult<Yielded, unknown> = GeneratorPrototype.next;

/** A constructor only for `instanceof`: `value instanceof GeneratorType` says `value` is a generator. */
function GeneratorType(): void {}
GeneratorType.prototype = GeneratorPrototype;

/**
 * `true` if `fn` is a generator function, i.e. calling it makes a coroutine (Python:
 * `inspect.iscoroutinefunction`). Plain functions returning a coroutine are not.
 */
export function isCoroutineFunction(fn: unknown): fn is (...args: never[]) => Coroutine {
  return typeof fn === "function" && fn instanceof GeneratorFunction;
}

/**
 * `true` if `value` is a coroutine object: a generator, or any iterator with
 * `next`, `throw` and `return` that is also iterable (Python: `asyncio.iscoroutine`).
 * A `Future` is awaitable but not a coroutine.
 */
export function isCoroutine(value: unknown): value is Coroutine {
  // A generator is one by its type, as Python decides (`collections.abc.Coroutine`): a
  // prototype walk, where reading its methods would look them up on a different shape
  // for each generator function.
  if (value instanceof GeneratorType) return true;
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Coroutine>;
  return (
    typeof v.next === "function" &&
    typeof v.throw === "function" &&
    typeof v.return === "function" &&
    typeof v[Symbol.iterator] === "function"
  );
}

/**
 * `true` if `value` can be awaited with `yield*` (Python: `inspect.isawaitable`): an
 * object with `[Symbol.iterator]`. Containers (strings, arrays, typed arrays, maps,
 * sets) are iterable but not awaitable.
 */
export function isAwaitable(value: unknown): value is Awaitable {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<Awaitable>)[Symbol.iterator] === "function" &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}
