/**
 * Timers a test fires by hand, for the runtimes' injected `setTimer`/`clearTimer`: nothing
 * waits on a real clock, and a test can see which delays are pending.
 */
interface Timer {
  callback: () => void;
  ms: number;
}

export interface ManualTimers {
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Runs the pending timers set for `ms` (each once); returns how many there were. */
  fire(ms: number): number;
}

export function manualTimers(): ManualTimers {
  const pending = new Set<Timer>();
  return {
    setTimer(callback, ms) {
      const timer = { callback, ms };
      pending.add(timer);
      return timer;
    },
    clearTimer(handle) {
      pending.delete(handle as Timer);
    },
    fire(ms) {
      const due = [...pending].filter((timer) => timer.ms === ms);
      for (const timer of due) {
        pending.delete(timer);
        timer.callback();
      }
      return due.length;
    },
  };
}
