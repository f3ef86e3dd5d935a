/**
 * The timeline's recorder as the benchmarks make it: as `bench/timeline.ts` always did
 * (events kept, never read), as the worker makes it (src/runner/worker/timeline.ts: the
 * reader's lines for the first tasks and coroutines, events taken in batches of 2,000 and
 * read), and the same hooks doing nothing (what the loop's calls and clock cost alone).
 */
import * as asyncio from "asyncio";
import { TimelineRecorder } from "../src/timeline/instrument.ts";
import { readerFrame } from "../src/timeline/stepper.ts";

export function recorder(): TimelineRecorder {
  return new TimelineRecorder(asyncio);
}

/** The worker's recorder, the workloads' module standing for the reader's; `taken` counts the events it hands on. */
export function workerRecorder(taken: { count: number }): TimelineRecorder {
  const recorder: TimelineRecorder = new TimelineRecorder({
    ...asyncio,
    locate: (stack) => readerFrame(stack, (url) => (url.endsWith("/workloads.ts") ? "snippet.ts" : undefined)),
    batch: 2000,
    onEvents: (waiting) => {
      if (waiting >= 2000) taken.count += recorder.take().length;
    },
  });
  return recorder;
}

const nothing = (): void => {};

/** The hooks {@link recorder}'s recorder has, each doing nothing. */
export function recorderHooks(): asyncio.Instrument {
  const installed: asyncio.Instrument = recorder();
  const hooks: asyncio.Instrument = {};
  for (const hook of asyncio.instrumentHooks) if (installed[hook] !== undefined) hooks[hook] = nothing;
  return hooks;
}
