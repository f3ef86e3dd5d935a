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
  MessageChannel?: new () => {
    port1: { onmessage: ((event: unknown) => void) | null; close?(): void };
    port2: { postMessage(message: unknown): void };
  };
}

const g = globalThis as unknown as HostGlobals;

/** A pending immediate on the MessageChannel path; `callback` is null once cancelled. */
interface ChannelTask {
  callback: (() => void) | null;
}

/** Immediates posted through one MessageChannel: no 4 ms clamp, unlike a nested `setTimeout(0)` in browsers. */
class ChannelImmediates {
  private readonly _queue: ChannelTask[] = [];
  private readonly _port2: { postMessage(message: unknown): void };

  constructor(Channel: NonNullable<HostGlobals["MessageChannel"]>) {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      const task = this._queue.shift();
      const callback = task?.callback;
      if (callback) callback();
    };
    this._port2 = channel.port2;
  }

  schedule(callback: () => void): ChannelTask {
    const task = { callback };
    this._queue.push(task);
    this._port2.postMessage(null);
    return task;
  }
}

let channel: ChannelImmediates | null = null;
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
      channel ??= new ChannelImmediates(g.MessageChannel);
      return channel.schedule(callback);
    }
    return defaultHost.setTimeout(callback, 0);
  },
  clearImmediate(token: unknown): void {
    if (typeof token === "object" && token !== null && "callback" in token) {
      (token as ChannelTask).callback = null;
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
