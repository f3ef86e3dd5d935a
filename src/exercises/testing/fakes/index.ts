/**
 * Wrong solutions, kept out of the pages: for every exercise, cheap programs of each kind
 * that a check must see through, and the named check that must reject each one (the first
 * failing check, which is the one the page shows), in both languages. ../../fakes.test.ts runs
 * the TypeScript ones under Node, ../../python-checks.test.ts the Python ones under Pyodide.
 */
export interface Fake {
  /** What kind of cheat it is, in words: "prints the expected lines", "dummy tasks", "one after another", "cleans up only in catch"… */
  kind: string;
  /** The name of the check that must be the first to fail. */
  fails: string;
  /** The module, in place of the reader's exercise.ts (or, for a Python fake, exercise.py). */
  code: string;
}

import * as allOrNothing from "./all-or-nothing.ts";
import * as atMostThree from "./at-most-three.ts";
import * as callbackToFuture from "./callback-to-future.ts";
import * as cancelCleanup from "./cancel-cleanup.ts";
import * as corobotRace from "./corobot-race.ts";
import * as firstMirror from "./first-mirror.ts";
import * as gatherFirstError from "./gather-first-error.ts";
import * as noPolling from "./no-polling.ts";
import * as retryKeepsCancellation from "./retry-keeps-cancellation.ts";
import * as retrySwallowsCancel from "./retry-swallows-cancel.ts";
import * as silentClient from "./silent-client.ts";
import * as takeTurns from "./take-turns.ts";
import * as taskgroupSiblings from "./taskgroup-siblings.ts";
import * as threeDownloads from "./three-downloads.ts";
import * as timeoutLeavesNothing from "./timeout-leaves-nothing.ts";
import * as timerOrder from "./timer-order.ts";
import * as workerPool from "./worker-pool.ts";

/** Each exercise's fakes module: TypeScript fakes as its default export, Python ones as `python`. */
const modules: Record<string, { default: Fake[]; python: Fake[] }> = {
  "all-or-nothing": allOrNothing,
  "at-most-three": atMostThree,
  "callback-to-future": callbackToFuture,
  "cancel-cleanup": cancelCleanup,
  "corobot-race": corobotRace,
  "first-mirror": firstMirror,
  "gather-first-error": gatherFirstError,
  "no-polling": noPolling,
  "retry-keeps-cancellation": retryKeepsCancellation,
  "retry-swallows-cancel": retrySwallowsCancel,
  "silent-client": silentClient,
  "take-turns": takeTurns,
  "taskgroup-siblings": taskgroupSiblings,
  "three-downloads": threeDownloads,
  "timeout-leaves-nothing": timeoutLeavesNothing,
  "timer-order": timerOrder,
  "worker-pool": workerPool,
};

/** The TypeScript fakes of each exercise, by exercise id (in place of the reader's exercise.ts). */
export const FAKES: Record<string, Fake[]> = Object.fromEntries(Object.entries(modules).map(([id, module]) => [id, module.default]));

/** The Python fakes of each exercise, by exercise id (in place of the reader's exercise.py). */
export const PYTHON_FAKES: Record<string, Fake[]> = Object.fromEntries(Object.entries(modules).map(([id, module]) => [id, module.python]));
