/**
 * Step through's guess: at a pause, before pressing Next, the reader may guess which callback
 * runs after the one about to run. The choices are what the pause shows waiting (the ready
 * queue, then the timers), plus "something this step schedules"; the next pause tells. Pure.
 */
import type { StepSnapshot } from "./step-snapshot.ts";

/** The choice for a callback the pause does not show yet: the step about to run schedules it. */
export const SCHEDULED_NOW = "something this step schedules";

/** What the reader can pick from at a pause, each once, in the order shown. */
export function guessChoices(snapshot: StepSnapshot): string[] {
  const shown = [...snapshot.ready, ...snapshot.timers.map((timer) => timer.what)];
  return [...new Set(shown), SCHEDULED_NOW];
}

/**
 * Whether `guess` (one of `choices`) named what runs at the `next` pause (null: the program
 * ended with nothing more to run, which no choice names).
 */
export function guessRight(guess: string, choices: readonly string[], next: StepSnapshot | null): boolean {
  if (next === null) return false;
  const ran = runnable(next.next.what);
  if (guess === SCHEDULED_NOW) return !choices.some((choice) => choice !== SCHEDULED_NOW && runnable(choice) === ran);
  return runnable(guess) === ran;
}

/** A runnable's name without the note the pause adds ("…, and CancelledError is thrown into it"). */
function runnable(what: string): string {
  return what.replace(/, and CancelledError is thrown into it$/, "");
}
