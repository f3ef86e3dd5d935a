/**
 * Wrong solutions, kept out of the pages: for every exercise, cheap programs of each kind
 * that a check must see through, and the named check that must reject each one (the first
 * failing check, which is the one the page shows). ../../fakes.test.ts runs them.
 */
export interface Fake {
  /** What kind of cheat it is, in words: "prints the expected lines", "dummy tasks", "one after another", "cleans up only in catch"… */
  kind: string;
  /** The name of the check that must be the first to fail. */
  fails: string;
  /** The module, in place of the reader's exercise.ts. */
  code: string;
}

import atMostThree from "./at-most-three.ts";
import callbackToFuture from "./callback-to-future.ts";
import cancelCleanup from "./cancel-cleanup.ts";
import corobotRace from "./corobot-race.ts";
import firstMirror from "./first-mirror.ts";
import gatherFirstError from "./gather-first-error.ts";
import noPolling from "./no-polling.ts";
import retrySwallowsCancel from "./retry-swallows-cancel.ts";
import silentClient from "./silent-client.ts";
import timeoutLeavesNothing from "./timeout-leaves-nothing.ts";
import timerOrder from "./timer-order.ts";
import takeTurns from "./take-turns.ts";
import taskgroupSiblings from "./taskgroup-siblings.ts";
import threeDownloads from "./three-downloads.ts";
import workerPool from "./worker-pool.ts";

/** The fakes of each exercise, by exercise id. */
export const FAKES: Record<string, Fake[]> = {
  "at-most-three": atMostThree,
  "callback-to-future": callbackToFuture,
  "cancel-cleanup": cancelCleanup,
  "corobot-race": corobotRace,
  "first-mirror": firstMirror,
  "gather-first-error": gatherFirstError,
  "no-polling": noPolling,
  "retry-swallows-cancel": retrySwallowsCancel,
  "silent-client": silentClient,
  "take-turns": takeTurns,
  "taskgroup-siblings": taskgroupSiblings,
  "three-downloads": threeDownloads,
  "timeout-leaves-nothing": timeoutLeavesNothing,
  "timer-order": timerOrder,
  "worker-pool": workerPool,
};
