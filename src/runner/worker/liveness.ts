/**
 * Node's event-loop liveness, for a Web Worker: a program is over when its module has been
 * evaluated and nothing it started is still pending (no timer, no interval, no wake-up of the
 * loop library). Every pending thing holds a reference; when the count drops to zero the
 * owner checks again after queued microtasks and tasks have run, as Node does before it exits.
 */

/** Counts pending host work. */
export class Liveness {
  private _pending = 0;
  private readonly _onIdle: () => void;

  /** @param onIdle called (synchronously) each time the count drops to zero. */
  constructor(onIdle: () => void) {
    this._onIdle = onIdle;
  }

  /** How many things are pending. */
  get pending(): number {
    return this._pending;
  }

  /** Takes a reference; the returned function releases it (once; later calls do nothing). */
  hold(): () => void {
    this._pending++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this._pending === 0) this._onIdle();
    };
  }
}

/** The timer functions of a global scope. */
export interface TimerScope {
  setTimeout(callback: (...args: never[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: (...args: never[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearInterval(handle: unknown): void;
}

/**
 * Replaces `scope`'s timers with ones that hold `liveness` while pending, and report an
 * exception thrown by a callback to `onError` (Node: uncaught exception, exit 1).
 * @param belongsToProgram asked when a timer is created: false leaves it untracked (it is the
 *   runtime's, or the dev server's, not the program's). Default: every timer is tracked.
 * @returns the original timers, for the runtime's own use (they do not keep it alive).
 */
export function trackTimers(
  scope: TimerScope,
  liveness: Liveness,
  onError: (error: unknown) => void,
  belongsToProgram: () => boolean = () => true,
): TimerScope {
  const original: TimerScope = {
    setTimeout: scope.setTimeout.bind(scope),
    clearTimeout: scope.clearTimeout.bind(scope),
    setInterval: scope.setInterval.bind(scope),
    clearInterval: scope.clearInterval.bind(scope),
  };
  const releases = new Map<unknown, () => void>();
  const call = (callback: unknown, args: unknown[]): void => {
    if (typeof callback !== "function") return;
    try {
      callback(...args);
    } catch (error) {
      onError(error);
    }
  };
  const clear = (handle: unknown): void => {
    original.clearTimeout(handle);
    const release = releases.get(handle);
    releases.delete(handle);
    release?.();
  };

  scope.setTimeout = (callback, ms, ...args) => {
    if (!belongsToProgram()) return original.setTimeout(callback, ms, ...args);
    const release = liveness.hold();
    const handle = original.setTimeout(() => {
      releases.delete(handle);
      try {
        call(callback, args);
      } finally {
        release();
      }
    }, ms);
    releases.set(handle, release);
    return handle;
  };
  scope.setInterval = (callback, ms, ...args) => {
    if (!belongsToProgram()) return original.setInterval(callback, ms, ...args);
    const release = liveness.hold();
    const handle = original.setInterval(() => call(callback, args), ms);
    releases.set(handle, release);
    return handle;
  };
  // Browsers share one id space between the two, as Node's clear* accept either handle.
  scope.clearTimeout = clear;
  scope.clearInterval = (handle) => {
    original.clearInterval(handle);
    clear(handle);
  };
  return original;
}
