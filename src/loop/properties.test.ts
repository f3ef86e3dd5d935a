/**
 * Property tests: random programs of tasks sharing a bounded queue, a lock, a semaphore,
 * an event and a condition, cancelled at random moments, on virtual time.
 *
 * The programs cannot deadlock by construction: one queue consumer and one condition
 * consumer are never cancelled, the event is set by a task that is never cancelled,
 * and locks are taken in one order (lock, then semaphore). Lost wake-ups are caught
 * two ways: a watchdog (1000 virtual seconds, far beyond any program) fails a program
 * that does not finish, and an idle-time check fails a task left blocked on something
 * it could take (a free lock, a queue with room or items, a set event).
 *
 * Cancellations land at random times and, to hit the narrow window between a waiter
 * being woken and it running, right after random hand-offs (releases, puts, gets,
 * notifies). Checked against broken copies of `locks.ts` and `queues.ts` (a missing
 * pass-on, a barging newcomer, a slot not given back, a lock not re-acquired): each
 * fails at least one property within the default runs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine, Task } from "./index.ts";
import { virtual } from "./testing/loops.ts";

const WATCHDOG = 1000;

/** Virtual durations in quarter seconds, 0 (a bare yield to the loop) included; a coarse grid, so events coincide. */
const duration = fc.integer({ min: 0, max: 4 }).map((n) => n / 4);

/** Short durations, for heavy contention. */
const short = fc.integer({ min: 0, max: 2 }).map((n) => n / 4);

type LockKind = "lock" | "sem" | "both";

const lockRound = (d: fc.Arbitrary<number>, kinds: readonly LockKind[] = ["lock", "sem", "both"]) =>
  fc.record({ kind: fc.constantFrom(...kinds), before: d, hold: d });

/** A condition producer's item: wait `pause`, then notify and keep the lock for `hold`. */
const condItem = (d: fc.Arbitrary<number>) => fc.record({ pause: d, hold: d });

// Cancel a task `hops` loop iterations after `at`: may land between a wake-up and the step it schedules.
const cancels = (maxLength: number) =>
  fc.array(fc.record({ target: fc.nat(), at: duration, hops: fc.integer({ min: 0, max: 3 }) }), { maxLength });

// Cancel a task `hops` loop iterations after the program's `after`-th hand-off (a release,
// put, get, notify or set), aiming at the window where a waiter is woken but has not run
// yet; with `waiting`, the target is one of the tasks blocked (or just woken) at that moment.
const reactions = (maxLength: number) =>
  fc.array(
    fc.record({ target: fc.nat(), waiting: fc.boolean(), after: fc.nat({ max: 30 }), hops: fc.integer({ min: 0, max: 2 }) }),
    { maxLength },
  );

/** A random program: what each task does, and when tasks get cancelled. */
interface Program {
  maxsize: number;
  /** Per producer, the pause before each item it puts. */
  producers: number[][];
  /** Per consumer, the work on each item it gets. Consumer 0 is never cancelled. */
  consumers: number[];
  /** Per locker, its rounds: wait `before`, then hold the lock, the semaphore or both for `hold`. */
  lockers: { kind: LockKind; before: number; hold: number }[][];
  semValue: number;
  bounded: boolean;
  /** Per event waiter, when it starts waiting; the event is set at `setAt`. */
  eventWaiters: number[];
  setAt: number;
  condProducers: { pause: number; hold: number }[][];
  /** Per condition consumer, the work on each item. Consumer 0 is never cancelled. */
  condConsumers: number[];
  cancels: { target: number; at: number; hops: number }[];
  reactions: { target: number; waiting: boolean; after: number; hops: number }[];
}

/** A bit of everything. */
const mixed = {
  maxsize: fc.integer({ min: 1, max: 3 }),
  producers: fc.array(fc.array(duration, { maxLength: 4 }), { maxLength: 3 }),
  consumers: fc.array(duration, { minLength: 1, maxLength: 3 }),
  lockers: fc.array(fc.array(lockRound(duration), { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
  semValue: fc.integer({ min: 1, max: 3 }),
  bounded: fc.boolean(),
  eventWaiters: fc.array(duration, { maxLength: 3 }),
  setAt: duration,
  condProducers: fc.array(fc.array(condItem(duration), { maxLength: 3 }), { maxLength: 2 }),
  condConsumers: fc.array(duration, { minLength: 1, maxLength: 2 }),
  cancels: cancels(5),
  reactions: reactions(3),
};
const programArb: fc.Arbitrary<Program> = fc.record(mixed);

// Many tasks on one kind of primitive and many cancellations, so that races are likely.
const none = <T>(): fc.Arbitrary<T[]> => fc.constant([]);
const quiet = {
  producers: none<number[]>(),
  consumers: fc.constant<number[]>([0]),
  lockers: none<Program["lockers"][number]>(),
  eventWaiters: none<number>(),
  condProducers: none<Program["condProducers"][number]>(),
  condConsumers: fc.constant<number[]>([0]),
};
const contended: Record<string, fc.Arbitrary<Program>> = {
  locks: fc.record({
    ...mixed,
    ...quiet,
    lockers: fc.array(fc.array(lockRound(short), { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 8 }),
    cancels: cancels(4),
    reactions: reactions(10),
  }),
  semaphore: fc.record({
    ...mixed,
    ...quiet,
    semValue: fc.integer({ min: 2, max: 3 }),
    lockers: fc.array(fc.array(lockRound(short, ["sem"]), { minLength: 2, maxLength: 4 }), { minLength: 4, maxLength: 8 }),
    cancels: cancels(4),
    reactions: reactions(10),
  }),
  queue: fc.record({
    ...mixed,
    ...quiet,
    maxsize: fc.integer({ min: 1, max: 2 }),
    producers: fc.array(fc.array(short, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 4 }),
    consumers: fc.array(duration, { minLength: 2, maxLength: 4 }), // slower than the producers: putters pile up
    cancels: cancels(4),
    reactions: reactions(10),
  }),
  condition: fc.record({
    ...mixed,
    ...quiet,
    condProducers: fc.array(fc.array(condItem(short), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    condConsumers: fc.array(short, { minLength: 2, maxLength: 4 }),
    cancels: cancels(4),
    reactions: reactions(10),
  }),
};

/** Everything a run observes, checked afterwards. */
class Observations {
  readonly puts: string[] = [];
  readonly gets: string[] = [];
  readonly calls = { lock: [] as string[], sem: [] as string[] };
  readonly acquired = { lock: [] as string[], sem: [] as string[] };
  readonly holders = { lock: 0, sem: 0 };
  readonly maxHolders = { lock: 0, sem: 0 };
  /** Event waiters in the order they returned; `queued` numbers those that had to wait, in the order they began. */
  readonly eventWakes: { start: number; woke: number; queued: number | null }[] = [];
  /** What reached the loop's exception handler (an exception no one retrieved, say). */
  readonly reports: string[] = [];
  /** Lost wake-ups seen while the loop was idle: a task still blocked though it could go on. */
  readonly stalls: string[] = [];
  produced = 0;
  consumed = 0;
  tasks: Task<unknown>[] = [];
  results: unknown[] = [];
  pendingAtEnd = -1;
  finalState: string[] = [];
}

class Injected extends Error {
  override name = "Injected";
}

type Blocker = "lock" | "sem" | "put" | "get" | "event" | "cond";

interface Injection {
  task: number;
  step: number;
  error: Injected;
}

/**
 * Build and run one program. `spawn` creates the tasks (with `createTask` or a task
 * group's); `inject` makes one task throw at its `step`-th operation (or at its end).
 */
function* runProgram(
  p: Program,
  obs: Observations,
  spawn: (coro: Coroutine<unknown>) => Task<unknown>,
  inject?: Injection,
  cancel = true,
): Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.setExceptionHandler((_, context) => obs.reports.push(context.message));
  const queue = new asyncio.Queue<string>(p.maxsize);
  const lock = new asyncio.Lock();
  const sem = p.bounded ? new asyncio.BoundedSemaphore(p.semValue) : new asyncio.Semaphore(p.semValue);
  const event = new asyncio.Event();
  const cond = new asyncio.Condition();
  const drained = new asyncio.Event();
  const queueDrained = new asyncio.Event();
  let producersDone = false;
  let eventQueue = 0;
  let condState = 0;
  let condProducersDone = false;
  let closing = false;

  let taskCount = 0;
  const cancellable: Task<unknown>[] = [];
  const cancelLater = (task: Task<unknown>, hops: number): void => {
    if (hops === 0) task.cancel();
    else loop.callSoon(cancelLater, task, hops - 1);
  };
  /** Tasks inside a call that may block, woken or not, and what they wait for. */
  const blocked = new Map<Task<unknown>, Blocker>();
  function* blocking<T>(on: Blocker, op: () => Coroutine<T>): Coroutine<T> {
    const task = asyncio.currentTask()!;
    blocked.set(task, on);
    try {
      return yield* op();
    } finally {
      blocked.delete(task);
    }
  }
  let handOffs = 0;
  function handOff(): void {
    const n = handOffs++;
    if (!cancel || cancellable.length === 0) return;
    for (const { target, waiting, after, hops } of p.reactions) {
      if (after !== n) continue;
      const pool = waiting ? cancellable.filter((task) => blocked.has(task)) : cancellable;
      if (pool.length > 0) cancelLater(pool[target % pool.length]!, hops);
    }
  }
  const steps: number[] = [];
  /** Spawn task number `index`; `body` calls `checkpoint()` before each operation. */
  function start(canCancel: boolean, body: (checkpoint: () => void) => Coroutine<unknown>): Task<unknown> {
    const index = taskCount++;
    steps[index] = 0;
    const checkpoint = (): void => {
      if (inject?.task === index && steps[index]++ === inject.step) throw inject.error;
    };
    const task = spawn(
      (function* () {
        const result = yield* body(checkpoint);
        if (inject?.task === index) throw inject.error; // fewer operations than `step`
        return result;
      })(),
    );
    obs.tasks.push(task);
    if (canCancel && inject?.task !== index) cancellable.push(task);
    return task;
  }

  function* hold(name: "lock" | "sem", id: string, duration: number, inner?: () => Coroutine<void>): Coroutine<void> {
    const primitive = name === "lock" ? lock : sem;
    obs.calls[name].push(id);
    yield* blocking(name, () => primitive.acquire());
    obs.acquired[name].push(id);
    obs.maxHolders[name] = Math.max(obs.maxHolders[name], ++obs.holders[name]);
    try {
      if (inner) yield* inner();
      else yield* asyncio.sleep(duration);
    } finally {
      obs.holders[name]--;
      primitive.release();
      handOff();
    }
  }

  const producers = p.producers.map((pauses, i) =>
    start(true, function* (checkpoint) {
      for (const [k, pause] of pauses.entries()) {
        checkpoint();
        yield* asyncio.sleep(pause);
        checkpoint();
        const item = `p${i}.${k}`;
        yield* blocking("put", () => queue.put(item));
        obs.puts.push(item);
        handOff();
      }
    }),
  );
  const consumers = p.consumers.map((work, i) =>
    start(i > 0, function* (checkpoint) {
      for (;;) {
        checkpoint();
        let item: string;
        try {
          item = yield* blocking("get", () => queue.get());
        } catch (error) {
          if (error instanceof asyncio.QueueShutDown) return;
          throw error;
        }
        obs.gets.push(item);
        handOff();
        if (producersDone && obs.gets.length === obs.puts.length) queueDrained.set();
        try {
          yield* asyncio.sleep(work);
        } finally {
          queue.taskDone();
        }
      }
    }),
  );
  const lockers = p.lockers.map((rounds, i) =>
    start(true, function* (checkpoint) {
      for (const [r, round] of rounds.entries()) {
        checkpoint();
        yield* asyncio.sleep(round.before);
        checkpoint();
        const id = `l${i}.${r}`;
        if (round.kind === "both") {
          yield* hold("lock", id, 0, () => hold("sem", id, round.hold));
        } else {
          yield* hold(round.kind, id, round.hold);
        }
      }
    }),
  );
  const waiters = p.eventWaiters.map((delay) =>
    start(true, function* (checkpoint) {
      yield* asyncio.sleep(delay);
      checkpoint();
      const startedAt = loop.time();
      const queued = event.isSet() ? null : eventQueue++;
      expect(yield* blocking("event", () => event.wait())).toBe(true);
      obs.eventWakes.push({ start: startedAt, woke: loop.time(), queued });
    }),
  );
  const setter = start(false, function* (checkpoint) {
    yield* asyncio.sleep(p.setAt);
    checkpoint();
    event.set();
    handOff();
  });
  const condProducers = p.condProducers.map((items) =>
    start(true, function* (checkpoint) {
      for (const { pause, hold } of items) {
        checkpoint();
        yield* asyncio.sleep(pause);
        checkpoint();
        yield* asyncio.asyncWith(cond, function* () {
          condState++;
          obs.produced++;
          cond.notify(1);
          handOff();
          yield* asyncio.sleep(hold); // the woken consumer must wait to re-acquire
        });
      }
    }),
  );
  const condConsumers = p.condConsumers.map((work, i) =>
    start(i > 0, function* (checkpoint) {
      for (;;) {
        checkpoint();
        const got = yield* asyncio.asyncWith(cond, function* () {
          yield* blocking("cond", () => cond.waitFor(() => condState > 0 || closing));
          if (condState === 0) return false;
          condState--;
          obs.consumed++;
          if (condProducersDone && obs.consumed === obs.produced) drained.set();
          return true;
        });
        if (!got) return;
        yield* asyncio.sleep(work);
      }
    }),
  );

  // Every duration is a multiple of 1/4 s, so at k/4 + 1/8 the loop is idle: every task woken
  // has run. A task still blocked then, on something it could take, lost its wake-up.
  let finished = false;
  const stalled = (on: Blocker): boolean => {
    switch (on) {
      case "lock":
        return !lock.locked();
      case "sem":
        return (sem as unknown as { _value: number })._value > 0;
      case "put":
        return !queue.full();
      case "get":
        return !queue.empty();
      case "event":
        return event.isSet();
      case "cond": {
        // Items left and the lock free, yet every consumer is waiting: no one will take them.
        const consumersBlocked = condConsumers.every((task) => task.done() || blocked.get(task) === "cond");
        return condState > 0 && !cond.locked() && consumersBlocked;
      }
    }
  };
  const watch = (): void => {
    if (finished) return;
    for (const [task, on] of blocked) {
      if (stalled(on)) obs.stalls.push(`at ${loop.time()}: ${task.getName()} blocked on ${on}`);
    }
    loop.callLater(0.25, watch);
  };
  loop.callLater(0.125, watch);

  if (cancel && cancellable.length > 0) {
    for (const { target, at, hops } of p.cancels) {
      loop.callLater(at, cancelLater, cancellable[target % cancellable.length]!, hops);
    }
  }

  obs.results.push(...(yield* asyncio.gather(...producers, { returnExceptions: true })));
  // Drain before shutting down: shutdown() wakes every getter, which would hide a lost wake-up.
  producersDone = true;
  if (obs.gets.length < obs.puts.length) yield* queueDrained.wait();
  queue.shutdown();
  obs.results.push(...(yield* asyncio.gather(...consumers, ...lockers, ...waiters, setter, { returnExceptions: true })));
  obs.results.push(...(yield* asyncio.gather(...condProducers, { returnExceptions: true })));
  condProducersDone = true;
  if (obs.consumed < obs.produced) yield* drained.wait();
  yield* asyncio.asyncWith(cond, function* () {
    closing = true;
    cond.notifyAll();
  });
  obs.results.push(...(yield* asyncio.gather(...condConsumers, { returnExceptions: true })));

  finished = true;
  obs.pendingAtEnd = obs.tasks.filter((task) => !task.done()).length;
  obs.finalState = [String(lock), String(sem), String(cond), String(queue)];
}

const virtualRun = virtual.run;

function* withWatchdog(body: () => Coroutine<void>): Coroutine<void> {
  try {
    yield* asyncio.timeout(WATCHDOG, body);
  } catch (error) {
    if (error instanceof asyncio.TimeoutError) throw new Error("deadlock: a wake-up was lost");
    throw error;
  }
}

function expectPrimitivesRestored(p: Program, obs: Observations): void {
  const semName = p.bounded ? "BoundedSemaphore" : "Semaphore";
  expect(obs.finalState.slice(0, 3)).toEqual([
    "<Lock [unlocked]>",
    `<${semName} [unlocked, value:${p.semValue}]>`,
    "<Condition [unlocked]>",
  ]);
}

function checkInvariants(p: Program, obs: Observations): void {
  // No lost wake-ups: everything finished, and only cancellation ended a task early.
  expect(obs.pendingAtEnd).toBe(0);
  expect(obs.reports).toEqual([]);
  for (const result of obs.results) {
    if (result instanceof Error) expect(result).toBeInstanceOf(asyncio.CancelledError);
  }

  // Queue: every item put was got exactly once, in the order it was put
  // (consumer 0 is never cancelled, so the queue is drained).
  expect(obs.gets).toEqual(obs.puts);
  expect(obs.finalState[3]).toBe(`<Queue maxsize=${p.maxsize} shutdown>`);

  // Lock and semaphore: capacity respected, and acquisitions in the order of the
  // acquire() calls that succeeded.
  expect(obs.maxHolders.lock).toBeLessThanOrEqual(1);
  expect(obs.maxHolders.sem).toBeLessThanOrEqual(p.semValue);
  for (const name of ["lock", "sem"] as const) {
    const succeeded = new Set(obs.acquired[name]);
    expect(obs.acquired[name]).toEqual(obs.calls[name].filter((id) => succeeded.has(id)));
  }
  expectPrimitivesRestored(p, obs);

  // Event: nobody woke before set(), nobody who came after it waited, and the waiters
  // resumed in the order they began waiting.
  for (const { start, woke } of obs.eventWakes) {
    expect(woke).toBe(Math.max(start, p.setAt));
  }
  const resumed = obs.eventWakes.flatMap(({ queued }) => (queued === null ? [] : [queued]));
  expect(resumed).toEqual([...resumed].sort((a, b) => a - b));

  // Condition: every item produced was consumed.
  expect(obs.consumed).toBe(obs.produced);
}

describe("random programs", () => {
  const cases: [string, fc.Arbitrary<Program>][] = [
    ["mixing every primitive", programArb],
    ["contending for a lock and a semaphore", contended.locks],
    ["contending for a semaphore", contended.semaphore],
    ["contending for a bounded queue", contended.queue],
    ["contending for a condition", contended.condition],
  ];
  it.each(cases)("%s end with every task done, counts conserved and waiters served in order", async (_, arb) => {
    await fc.assert(
      fc.asyncProperty(arb, async (p) => {
        const obs = new Observations();
        let failure: unknown = null;
        try {
          await virtualRun(() => withWatchdog(() => runProgram(p, obs, (coro) => asyncio.createTask(coro))));
        } catch (error) {
          failure = error;
        }
        expect(obs.stalls).toEqual([]); // explains a deadlock, if there was one
        if (failure !== null) throw failure;
        checkInvariants(p, obs);
      }),
      { numRuns: 250 },
    );
  });

  const injection = fc.record({ task: fc.nat(), step: fc.nat({ max: 6 }) });

  /** The error to throw at `at.step` of one of the program's tasks (the `+ 1` is the orchestrator). */
  function injectionInto(p: Program, at: { task: number; step: number }) {
    const total =
      p.producers.length + p.consumers.length + p.lockers.length + p.eventWaiters.length + 1 +
      p.condProducers.length + p.condConsumers.length;
    const task = at.task % total;
    return { task, step: at.step, error: new Injected(`from task ${task}`) };
  }

  it("surface an error injected into any task from the task group, with nothing left holding a lock", async () => {
    await fc.assert(
      fc.asyncProperty(programArb, injection, async (p, at) => {
        const obs = new Observations();
        const inject = injectionInto(p, at);
        let thrown: unknown;
        try {
          await virtualRun(() =>
            withWatchdog(() =>
              asyncio.taskGroup(function* (tg) {
                yield* runProgram(p, obs, (coro) => tg.createTask(coro), inject);
              }),
            ),
          );
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(asyncio.ExceptionGroup);
        expect((thrown as AggregateError).errors).toEqual([inject.error]);
        expect(obs.stalls).toEqual([]);
        expect(obs.tasks.every((task) => task.done())).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("surface an error injected into any task from gather()", async () => {
    await fc.assert(
      fc.asyncProperty(programArb, injection, async (p, at) => {
        const obs = new Observations();
        const inject = injectionInto(p, at);
        const run = virtualRun(() =>
          withWatchdog(function* () {
            const spawned: Task<unknown>[] = [];
            const orchestrator = asyncio.createTask(
              runProgram(p, obs, (coro) => {
                const task = asyncio.createTask(coro);
                spawned.push(task);
                return task;
              }, inject, false),
            );
            yield* asyncio.sleep(0); // let the orchestrator spawn the program
            yield* asyncio.gather(orchestrator, ...spawned);
          }),
        );
        await expect(run).rejects.toBe(inject.error);
      }),
      { numRuns: 100 },
    );
  });
});
