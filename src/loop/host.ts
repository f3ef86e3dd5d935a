/**
 * How an event loop sits on the host's own event loop (Node, a browser, a Web Worker,
 * a WebContainer): the few primitives it needs, swappable with `setHost()`.
 */

/**
 * The host primitives a running loop uses. It never blocks: it drains its ready queue
 * in batches, and between batches it asks the host to call it back, at once
 * (`setImmediate`) or at the next timer's deadline (`setTimeout`). While anything is
 * armed, a host like Node stays alive; once the loop stops, nothing is.
 *
 * Tokens are opaque: the loop passes back exactly what it was given.
 */
export interface Host {
  /** Monotonic time in milliseconds (fractional allowed); `loop.time()` is this divided by 1000. */
  now(): number;
  /** Call `callback` as soon as the host has handled what is already pending (a macrotask, not a microtask). */
  setImmediate(callback: () => void): unknown;
  /** Cancel a `setImmediate` that has not run. */
  clearImmediate(token: unknown): void;
  /** Call `callback` after `ms` milliseconds (or later). */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancel a `setTimeout` that has not fired. */
  clearTimeout(token: unknown): void;
}

/** The host globals the default host may use; declared here because the core compiles without DOM or Node types. */
interface HostGlobals {
  performance?: { now(): number };
  setImmediate?: (callback: () => void) => unknown;
  clearImmediate?: (token: unknown) => void;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (token: unknown) => void;
  MessageChannel?: new () => MessageChannelLike;
}

const g = globalThis as unknown as HostGlobals;

/** A callback posted to a {@link MacrotaskQueue}; `callback` is `null` once cancelled. */
export interface Macrotask {
  callback: (() => void) | null;
}

/** The part of a `MessageChannel` a {@link MacrotaskQueue} uses (the core compiles without DOM types). */
export interface MessageChannelLike {
  port1: { onmessage: ((event: never) => void) | null };
  port2: { postMessage(message: unknown): void };
}

/**
 * Callbacks run one per macrotask, first in first out, through one `MessageChannel`: soon,
 * after what the host already has pending, and without the 4 ms clamp a browser puts on a
 * nested `setTimeout(0)`. The default host's `setImmediate` where there is no global one
 * (browsers, workers); runtimes use their own for work that must stay outside the program
 * (flushing output), since it neither counts as the program's timers nor keeps it alive.
 *
 * @example
 * ```ts
 * const tasks = new MacrotaskQueue(new MessageChannel());
 * tasks.schedule(() => console.log("after the current task and its microtasks"));
 * ```
 */
export class MacrotaskQueue {
  private readonly _queue: Macrotask[] = [];
  private _head = 0;
  private readonly _port: { postMessage(message: unknown): void };

  /** @param channel - a fresh `MessageChannel`; the queue takes over its `port1.onmessage`. */
  constructor(channel: MessageChannelLike) {
    channel.port1.onmessage = () => this._runNext();
    this._port = channel.port2;
  }

  /** Run `callback` in a macrotask of its own, after those scheduled before it. Returns a handle for {@link MacrotaskQueue.cancel}. */
  schedule(callback: () => void): Macrotask {
    const task: Macrotask = { callback };
    this._queue.push(task);
    this._port.postMessage(null);
    return task;
  }

  /** Do not run `task` after all (it has not run yet, or this does nothing). */
  cancel(task: Macrotask): void {
    task.callback = null;
  }

  private _runNext(): void {
    const queue = this._queue;
    const task = queue[this._head];
    if (task === undefined) return;
    queue[this._head++] = undefined as unknown as Macrotask;
    // Compact once the consumed prefix dominates, so that the array does not grow forever.
    if (this._head > 1024 && this._head * 2 > queue.length) {
      queue.splice(0, this._head);
      this._head = 0;
    }
    const callback = task.callback;
    task.callback = null;
    if (callback !== null) callback();
  }
}

let channel: MacrotaskQueue | null = null;
/** The clock, resolved at first use (`performance` is a getter in Node, too slow to read per call). */
let clock: (() => number) | null = null;

function resolveClock(): () => number {
  const performance = g.performance;
  if (performance !== undefined && typeof performance.now === "function") return () => performance.now();
  return Date.now;
}

/**
 * The default host. It reads the timer globals at each call, not at import, so a
 * runtime that wraps `setTimeout` and friends after the library is loaded is honoured
 * (the clock and the MessageChannel, used only where there is no `setImmediate`, are
 * resolved on first use).
 *
 * - `now`: `performance.now()`, else `Date.now()`.
 * - `setImmediate`: the global `setImmediate` (Node), else a `MessageChannel` message
 *   (browsers, workers), else `setTimeout(callback, 0)`.
 * - `setTimeout`: the global `setTimeout`.
 */
export const defaultHost: Host = {
  now(): number {
    return (clock ??= resolveClock())();
  },
  setImmediate(callback: () => void): unknown {
    if (typeof g.setImmediate === "function") return g.setImmediate(callback);
    if (typeof g.MessageChannel === "function") {
      channel ??= new MacrotaskQueue(new g.MessageChannel());
      return channel.schedule(callback);
    }
    return defaultHost.setTimeout(callback, 0);
  },
  clearImmediate(token: unknown): void {
    if (typeof token === "object" && token !== null && "callback" in token) {
      (token as Macrotask).callback = null;
    } else if (typeof g.setImmediate === "function" && typeof g.clearImmediate === "function") {
      g.clearImmediate(token);
    } else {
      defaultHost.clearTimeout(token);
    }
  },
  setTimeout(callback: () => void, ms: number): unknown {
    if (typeof g.setTimeout !== "function") throw new Error("asyncio: the host has no setTimeout");
    return g.setTimeout(callback, ms);
  },
  clearTimeout(token: unknown): void {
    g.clearTimeout?.(token);
  },
};

let current: Host = defaultHost;

/** The host loops use from now on. */
export function getHost(): Host {
  return current;
}

/**
 * Replace the host primitives (`null` restores the default). Loops read the host each
 * time they arm or cancel something, so the change applies to running loops from their
 * next batch on. Runtimes use this to observe liveness; tests, to fake the clock.
 */
export function setHost(host: Host | null): void {
  current = host ?? defaultHost;
}
