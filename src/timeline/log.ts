/**
 * The recorder's event log: append-only columns (typed arrays) instead of an object per
 * event, so that recording a 10,000-task run allocates next to nothing per event and leaves
 * the garbage collector nothing to copy. Events become plain {@link TimelineEvent}s only
 * when read ({@link EventLog.read}), and what costs time to say (a task's default name, a
 * sleep's "sleep(0.3)", a callback's name, a short result) is said then.
 */
import type { Outcome, SourceLine, TimelineEvent, WaitKind, Waker } from "./events.ts";

// The kinds kept in columns (the low bits of the kind byte); any other event is kept whole.
const WHOLE = 0;
const SPAWN = 1;
const STEP = 2;
const WAIT = 3;
const EXIT = 4;
const CALLBACK = 5;
/** A step that begins by throwing `CancelledError` into the task. */
const CANCEL = 0x10;
/** An exit whose `ref` is the task's result itself (a primitive), its detail told when read. */
const RAW = 0x10;

const WAIT_KINDS: readonly WaitKind[] = ["timer", "task", "gather", "future", "queue", "lock", "stream", "ready"];
const WAIT_CODE = Object.fromEntries(WAIT_KINDS.map((kind, code) => [kind, code])) as Record<WaitKind, number>;
// What a wait's `ref` holds (bits 5-6 of the kind byte): its text, a sleep's delay in
// seconds ("sleep(0.3)"), or a task's raw name (see displayName).
const TEXT = 0;
const DELAY = 1;
const TASK_NAME = 2;
const OUTCOMES: readonly Outcome[] = ["result", "exception", "cancelled"];

/**
 * A plain callback as a waker, and as the `callback` event it is logged as: `name` is the
 * callback's text, or the function, named when read.
 */
export interface CallbackWaker {
  t: number;
  name: string | ((...args: never[]) => unknown);
  timer: boolean;
}

/**
 * A task's name as the library keeps it: a number `n` stands for "Task-n" (asyncio's
 * default names, formatted only when asked), a string for itself.
 */
export type RawName = string | number;

export function displayName(raw: RawName): string {
  return typeof raw === "number" ? `Task-${raw}` : raw;
}

/** Events per chunk of the log: filled chunks are kept as they are, never copied. */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/** The columns of {@link CHUNK} events, one slot each; what a slot holds depends on the kind. */
class Chunk {
  // One buffer for the numbers, the widest first.
  private readonly buffer = new ArrayBuffer(CHUNK * 29);
  readonly t = new Float64Array(this.buffer, 0, CHUNK);
  readonly num = new Float64Array(this.buffer, CHUNK * 8, CHUNK);
  readonly loop = new Int32Array(this.buffer, CHUNK * 16, CHUNK);
  readonly id = new Int32Array(this.buffer, CHUNK * 20, CHUNK);
  readonly code = new Int32Array(this.buffer, CHUNK * 24, CHUNK);
  readonly kind = new Uint8Array(this.buffer, CHUNK * 28, CHUNK);
  /** Text, objects, whole events. */
  readonly ref: unknown[] = new Array(CHUNK);
}

export class EventLog {
  /** How many events were logged. */
  length = 0;
  private readonly chunks: Chunk[] = [new Chunk()];
  /** The chunk being filled, and the next free slot in it. */
  private chunk = this.chunks[0]!;
  private slot = 0;
  /** Rarely set fields (`at`, `targets`), by event index. */
  private readonly extra = new Map<number, { at?: SourceLine; targets?: number[] }>();

  /** Called when {@link length} reaches this (see {@link TimelineRecorder}'s `onEvents`). */
  mark = -1;
  onMark: () => void = () => {};

  /** Writes the columns every event has and returns its chunk slot; the caller writes its own there, then {@link commit}s. */
  private next(kind: number, loop: number, t: number, id: number, ref: unknown): number {
    if (this.slot === CHUNK) {
      this.chunk = new Chunk();
      this.chunks.push(this.chunk);
      this.slot = 0;
    }
    const slot = this.slot;
    const chunk = this.chunk;
    chunk.kind[slot] = kind;
    chunk.loop[slot] = loop;
    chunk.t[slot] = t;
    chunk.id[slot] = id;
    chunk.ref[slot] = ref;
    return slot;
  }

  private commit(): void {
    this.slot += 1;
    if (++this.length === this.mark) this.onMark();
  }

  /** Forgets every event (after they were read): the log starts again at 0. */
  clear(): void {
    const first = this.chunks[0]!;
    first.ref.fill(undefined);
    this.chunks.length = 1;
    this.chunk = first;
    this.slot = 0;
    this.length = 0;
    this.extra.clear();
  }

  /** Any event, kept as it is. */
  add(event: TimelineEvent): void {
    this.next(WHOLE, 0, 0, 0, event);
    this.commit();
  }

  /** `{ k: "spawn", loop, t, id, name, parent, at? }`, the name raw. */
  spawn(loop: number, t: number, id: number, name: RawName, parent: number | null, at: SourceLine | null): void {
    const slot = this.next(SPAWN, loop, t, id, name);
    this.chunk.code[slot] = parent ?? -1;
    if (at) this.extra.set(this.length, { at });
    this.commit();
  }

  /** `{ k: "step", loop, t, id, cancel?, woke? }`: woken by task `wokeBy`'s step at `wokeAt` (0: not by a task), or by `callback`. */
  step(loop: number, t: number, id: number, cancel: boolean, wokeAt: number, wokeBy: number, callback: CallbackWaker | null): void {
    const slot = this.next(cancel ? STEP | CANCEL : STEP, loop, t, id, callback);
    this.chunk.code[slot] = wokeBy;
    this.chunk.num[slot] = wokeAt;
    this.commit();
  }

  /** `{ k: "wait", loop, t, id, on, what, targets?, until? }` with `what` as text. */
  wait(loop: number, t: number, id: number, on: WaitKind, what: string, targets: number[] | null, until: number): void {
    this.waitOn(loop, t, id, on, TEXT, what, targets, until);
  }

  /** A wait on a sleep of `delay` seconds, ending at `until`. */
  sleep(loop: number, t: number, id: number, delay: number, until: number): void {
    this.waitOn(loop, t, id, "timer", DELAY, delay, null, until);
  }

  /** A wait on the task named `name` (raw), whose id is `target` (0: not recorded). */
  waitTask(loop: number, t: number, id: number, name: RawName, target: number): void {
    this.waitOn(loop, t, id, "task", TASK_NAME, name, target === 0 ? null : [target], Number.NaN);
  }

  private waitOn(loop: number, t: number, id: number, on: WaitKind, whatKind: number, what: unknown, targets: number[] | null, until: number): void {
    const slot = this.next(WAIT | (whatKind << 5), loop, t, id, what);
    this.chunk.code[slot] = WAIT_CODE[on];
    this.chunk.num[slot] = until;
    if (targets !== null && targets.length > 0) this.extra.set(this.length, { targets });
    this.commit();
  }

  /** `{ k: "exit", loop, t, id, outcome, detail }`. */
  exit(loop: number, t: number, id: number, outcome: Outcome, detail: string): void {
    const slot = this.next(EXIT, loop, t, id, detail);
    this.chunk.code[slot] = OUTCOMES.indexOf(outcome);
    this.commit();
  }

  /** A task's exit with `result`, a primitive: its detail (`short(result)`) is told when read. */
  returned(loop: number, t: number, id: number, result: unknown): void {
    this.next(EXIT | RAW, loop, t, id, result);
    this.commit();
  }

  /** `{ k: "callback", loop, t, timer, name }`, from the callback's waker. */
  callback(loop: number, callback: CallbackWaker): void {
    this.next(CALLBACK, loop, callback.t, 0, callback);
    this.commit();
  }

  /**
   * Appends events `from` to `to` (exclusive) to `into` as plain objects: `short` turns a task's result into
   * its detail, `callbackName` a callback function into its name.
   */
  read(from: number, to: number, into: TimelineEvent[], short: (value: unknown) => string, callbackName: (callback: unknown) => string): void {
    const named = (waker: CallbackWaker): string => {
      if (typeof waker.name !== "string") waker.name = callbackName(waker.name);
      return waker.name;
    };
    for (let index = from; index < to; index++) {
      const chunk = this.chunks[index >> CHUNK_BITS]!;
      const slot = index & (CHUNK - 1);
      const byte = chunk.kind[slot]!;
      const ref = chunk.ref[slot];
      const loop = chunk.loop[slot]!;
      const t = chunk.t[slot]!;
      const id = chunk.id[slot]!;
      let event: TimelineEvent;
      switch (byte & 0x0f) {
        case SPAWN: {
          const parent = chunk.code[slot]!;
          event = { k: "spawn", loop, t, id, name: displayName(ref as RawName), parent: parent < 0 ? null : parent };
          const at = this.extra.get(index)?.at;
          if (at) event.at = at;
          break;
        }
        case STEP: {
          event = { k: "step", loop, t, id };
          if (byte & CANCEL) event.cancel = true;
          const wokeBy = chunk.code[slot]!;
          let woke: Waker | undefined;
          if (ref != null) {
            const waker = ref as CallbackWaker;
            woke = { t: waker.t, callback: named(waker), timer: waker.timer };
          } else if (wokeBy !== 0) woke = { t: chunk.num[slot]!, task: wokeBy };
          if (woke) event.woke = woke;
          break;
        }
        case WAIT: {
          const whatKind = (byte >> 5);
          const what = whatKind === TEXT ? (ref as string) : whatKind === DELAY ? `sleep(${seconds(ref as number)})` : displayName(ref as RawName);
          const on = WAIT_KINDS[chunk.code[slot]!]!;
          event = { k: "wait", loop, t, id, on, what };
          const targets = this.extra.get(index)?.targets;
          if (targets) event.targets = targets;
          if (on === "timer") event.until = chunk.num[slot]!;
          break;
        }
        case EXIT: {
          event = byte & RAW ? { k: "exit", loop, t, id, outcome: "result", detail: short(ref) } : { k: "exit", loop, t, id, outcome: OUTCOMES[chunk.code[slot]!]!, detail: ref as string };
          break;
        }
        case CALLBACK: {
          const waker = ref as CallbackWaker;
          event = { k: "callback", loop, t, timer: waker.timer, name: named(waker) };
          break;
        }
        default:
          event = ref as TimelineEvent;
      }
      into.push(event);
    }
  }
}

/** A delay as the program would write it: `0.3`, not `0.30000000000000004`. */
export function seconds(value: number): string {
  return String(Number(value.toPrecision(6)));
}
