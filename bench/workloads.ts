/**
 * The benchmark workloads, each twice: on our loop (`asyncio`) and in native
 * async/await. They only do the work and count it; timing and memory are measured by
 * the benchmarks around them, and `bench.test.ts` checks the counts at a tiny size.
 */
import * as asyncio from "asyncio";
import type { Coroutine, Instrument, RunOptions, Task } from "asyncio";
import { NativeQueue } from "./native-queue.ts";

/** Workers' shared tally: how many got past their yield. */
interface Tally {
  count: number;
}

// Spawn: n tasks, each yields to the loop once, then the spawner awaits them all.

function* yieldOnce(tally: Tally): Coroutine<void> {
  yield* asyncio.sleep(0);
  tally.count++;
}

function* spawnMain(n: number): Coroutine<number> {
  const tally: Tally = { count: 0 };
  const tasks = new Array<Task<void>>(n);
  for (let i = 0; i < n; i++) tasks[i] = asyncio.createTask(yieldOnce(tally));
  for (const task of tasks) yield* task;
  return tally.count;
}

/**
 * Spawn `n` tasks that each `sleep(0)` once, and await them all in creation order
 * (Python: `tasks = [create_task(w()) for _ in range(n)]; for t in tasks: await t`).
 * Resolves with how many workers got past their sleep: `n`.
 */
export function spawn(n: number, options?: RunOptions): Promise<number> {
  return asyncio.run(spawnMain(n), options);
}

async function yieldOnceNative(tally: Tally): Promise<void> {
  await undefined;
  tally.count++;
}

/** `spawn` in native async/await: `n` async functions each `await undefined` once. */
export async function spawnNative(n: number): Promise<number> {
  const tally: Tally = { count: 0 };
  const tasks = new Array<Promise<void>>(n);
  for (let i = 0; i < n; i++) tasks[i] = yieldOnceNative(tally);
  for (const task of tasks) await task;
  return tally.count;
}

/**
 * The floor under any generator-based loop: `spawn` with nothing of asyncio in it. A task is
 * its generator, a done flag and one waiter; a ready queue (an array read from a moving head);
 * `sleep(0)` a one-shot iterator delegated to by `yield*`, as the library's is; no handles,
 * futures, callbacks, names, cancellation or exception handling. It measures V8 making and
 * resuming generators, which the library cannot go below.
 */
interface BareTask {
  gen: Generator<BareTask | undefined, void, undefined>;
  done: boolean;
  waiter: BareTask | null;
}

const YIELDED: IteratorResult<undefined, void> = { value: undefined, done: false };
const DONE: IteratorResult<undefined, void> = { value: undefined, done: true };

/** A one-shot iterator: yields once (nothing), then is done; its results are shared, as `yield*` reads them at once. */
class BareSleep0 implements Iterator<undefined, void, undefined>, Iterable<undefined, void, undefined> {
  private yielded = false;
  next(): IteratorResult<undefined, void> {
    if (this.yielded) return DONE;
    this.yielded = true;
    return YIELDED;
  }
  [Symbol.iterator](): this {
    return this;
  }
}

function* bareYieldOnce(tally: Tally): Generator<BareTask | undefined, void, undefined> {
  yield* new BareSleep0();
  tally.count++;
}

/** `spawn` on the bare runner: `n` generator tasks, each yielding once, awaited in order by a main task. */
export function spawnBareGenerators(n: number): Promise<number> {
  const tally: Tally = { count: 0 };
  const ready: BareTask[] = [];
  let head = 0;
  const task = (gen: BareTask["gen"]): BareTask => {
    const made: BareTask = { gen, done: false, waiter: null };
    ready.push(made);
    return made;
  };
  function* main(): Generator<BareTask | undefined, void, undefined> {
    const tasks = new Array<BareTask>(n);
    for (let i = 0; i < n; i++) tasks[i] = task(bareYieldOnce(tally));
    for (const child of tasks) if (!child.done) yield child;
  }
  task(main());
  while (head < ready.length) {
    const current = ready[head++]!;
    const step = current.gen.next();
    if (step.done) {
      current.done = true;
      if (current.waiter !== null) ready.push(current.waiter);
    } else if (step.value === undefined) ready.push(current);
    else step.value.waiter = current;
  }
  return Promise.resolve(tally.count);
}

// Ping-pong: one task sends 0, 1, 2... on one queue; the other echoes each back on a second.

function* pinger(out: asyncio.Queue<number>, back: asyncio.Queue<number>, rounds: number): Coroutine<number> {
  let received = 0;
  for (let i = 0; i < rounds; i++) {
    yield* out.put(i);
    const echo = yield* back.get();
    if (echo !== i) throw new Error(`ping ${i} came back as ${echo}`);
    received++;
  }
  return received;
}

function* ponger(inbox: asyncio.Queue<number>, out: asyncio.Queue<number>, rounds: number): Coroutine<number> {
  let received = 0;
  for (let i = 0; i < rounds; i++) {
    const message = yield* inbox.get();
    if (message !== i) throw new Error(`expected ping ${i}, got ${message}`);
    received++;
    yield* out.put(message);
  }
  return received;
}

function* pingPongMain(messages: number): Coroutine<number> {
  const rounds = roundsOf(messages);
  const pings = new asyncio.Queue<number>();
  const pongs = new asyncio.Queue<number>();
  const ping = asyncio.createTask(pinger(pings, pongs, rounds));
  const pong = asyncio.createTask(ponger(pings, pongs, rounds));
  const echoed = yield* ping;
  return echoed + (yield* pong);
}

/**
 * Pass `messages` messages between two tasks through two unbounded Queues: half are
 * pings, each answered by a pong. A message is one item through one queue. Resolves
 * with how many arrived in order (it throws on the first out of order): `messages`.
 */
export function pingPong(messages: number, options?: RunOptions): Promise<number> {
  return asyncio.run(pingPongMain(messages), options);
}

/** `pingPong` in native async/await, over two `NativeQueue`s. */
export async function pingPongNative(messages: number): Promise<number> {
  const rounds = roundsOf(messages);
  const pings = new NativeQueue<number>();
  const pongs = new NativeQueue<number>();
  const ping = (async () => {
    let received = 0;
    for (let i = 0; i < rounds; i++) {
      pings.put(i);
      const echo = await pongs.get();
      if (echo !== i) throw new Error(`ping ${i} came back as ${echo}`);
      received++;
    }
    return received;
  })();
  const pong = (async () => {
    let received = 0;
    for (let i = 0; i < rounds; i++) {
      const message = await pings.get();
      if (message !== i) throw new Error(`expected ping ${i}, got ${message}`);
      received++;
      pongs.put(message);
    }
    return received;
  })();
  return (await ping) + (await pong);
}

function roundsOf(messages: number): number {
  if (!Number.isInteger(messages / 2) || messages <= 0) {
    throw new RangeError(`messages must be a positive even number, got ${messages}`);
  }
  return messages / 2;
}

// Sleeping: n tasks asleep at once on their own timers, for the memory they hold.

/** Called once every task is asleep, with how many are; the memory benchmark measures the heap here. */
export type AtPeak = (sleeping: number) => void;

/** An hour: longer than any benchmark, so that no timer fires. */
const LONG_SLEEP_SECONDS = 3600;

function* sleepLong(): Coroutine<void> {
  yield* asyncio.sleep(LONG_SLEEP_SECONDS);
}

function* sleepingMain(n: number, atPeak: AtPeak): Coroutine<number> {
  const tasks = new Array<Task<void>>(n);
  for (let i = 0; i < n; i++) tasks[i] = asyncio.createTask(sleepLong());
  // The first steps were scheduled before this one: every task now waits on its timer.
  yield* asyncio.sleep(0);
  let sleeping = 0;
  for (const task of tasks) if (!task.done()) sleeping++;
  atPeak(sleeping);
  for (const task of tasks) task.cancel();
  yield* asyncio.sleep(0);
  let cancelled = 0;
  for (const task of tasks) if (task.cancelled()) cancelled++;
  return cancelled;
}

/**
 * Start `n` tasks that each `sleep(3600)`; once all are asleep call `atPeak`, then
 * cancel them. Resolves with how many ended cancelled: `n`.
 */
export function sleeping(n: number, atPeak: AtPeak, options?: RunOptions): Promise<number> {
  return asyncio.run(sleepingMain(n, atPeak), options);
}

type Timer = ReturnType<typeof setTimeout>;

async function sleepLongNative(timers: Timer[]): Promise<void> {
  await new Promise<void>((resolve) => {
    timers.push(setTimeout(resolve, LONG_SLEEP_SECONDS * 1000));
  });
}

/**
 * `sleeping` in native async/await: `n` async functions each awaiting a promise
 * resolved by its own `setTimeout`. A promise cannot be cancelled, so the timers are
 * cleared instead; resolves with how many were cleared: `n`.
 */
export async function sleepingNative(n: number, atPeak: AtPeak): Promise<number> {
  const timers: Timer[] = [];
  const tasks = new Array<Promise<void>>(n);
  for (let i = 0; i < n; i++) tasks[i] = sleepLongNative(timers);
  await undefined;
  atPeak(timers.length);
  for (const timer of timers) clearTimeout(timer);
  return timers.length;
}

// Instruments, for the "free when unused" check.

const noop = (): void => {};

/** An instrument with every hook, each doing nothing: the cheapest instrument there is. */
export function noOpInstrument(): Instrument {
  return Object.fromEntries(asyncio.instrumentHooks.map((hook) => [hook, noop]));
}

/**
 * Run options whose loop had an instrument installed and removed again before it
 * runs: "none installed" after the fact, which must cost what never installing does.
 */
export function instrumentRemovedOptions(instrument: Instrument = noOpInstrument()): RunOptions {
  return {
    loopFactory: () => {
      const loop = asyncio.newEventLoop();
      loop.addInstrument(instrument);
      loop.removeInstrument(instrument);
      return loop;
    },
  };
}
