/**
 * Step through's control channel: an Int32Array over a SharedArrayBuffer. The worker posts a
 * snapshot and blocks in `Atomics.wait` before each callback; the page writes a command and
 * wakes it. Blocking (rather than yielding to the host) is what keeps the program's order
 * exactly that of a straight run: nothing else can run while the loop is paused.
 */

/** What the reader asked for. */
export const StepCommand = {
  /** Pause before the next callback. */
  Next: 1,
  /** Pause before the first callback of the next loop iteration. */
  NextTick: 2,
  /** Pause before the next timer's callback (or once the clock has moved). */
  NextTimer: 3,
  /** Stop pausing. */
  RunToEnd: 4,
} as const;
export type StepCommand = (typeof StepCommand)[keyof typeof StepCommand];

const FLAG = 0;
const COMMAND = 1;

/** A new control buffer (needs cross-origin isolation for SharedArrayBuffer). */
export function createStepControl(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/** Page side: tell the paused worker what to do next. */
export function sendStep(buffer: SharedArrayBuffer, command: StepCommand): void {
  const control = new Int32Array(buffer);
  Atomics.store(control, COMMAND, command);
  Atomics.store(control, FLAG, 1);
  Atomics.notify(control, FLAG);
}

/** Worker side: block until the page sends a command, and return it. */
export function awaitStep(buffer: SharedArrayBuffer): StepCommand {
  const control = new Int32Array(buffer);
  Atomics.wait(control, FLAG, 0);
  Atomics.store(control, FLAG, 0);
  return Atomics.load(control, COMMAND) as StepCommand;
}

/**
 * Worker side: like {@link awaitStep}, but gives up after `timeoutMs` (null then), so that a
 * paused worker can also notice Stop.
 */
export function pollStep(buffer: SharedArrayBuffer, timeoutMs: number): StepCommand | null {
  const control = new Int32Array(buffer);
  if (Atomics.wait(control, FLAG, 0, timeoutMs) === "timed-out") return null;
  Atomics.store(control, FLAG, 0);
  return Atomics.load(control, COMMAND) as StepCommand;
}

/** Why Step through cannot run here, or null when it can. */
export function stepUnavailable(): string | null {
  if (typeof SharedArrayBuffer !== "function" || !globalThis.crossOriginIsolated) {
    return "Step through needs a cross-origin isolated page (SharedArrayBuffer), which this browser or host does not give.";
  }
  return null;
}
