/**
 * `node --import ./timeline-hook.js snippet.js` in the WebContainer: records every loop the
 * program makes and writes the events to stdout as side-channel lines (./side-channel.ts),
 * which the page strips. Bundled by the site build (src/pages/runner/timeline-hook.js.ts)
 * with `asyncio` left as an import, so it is the program's own copy of the library. What the
 * program writes to stdout is noted too (`print` events: which task printed each line).
 */
import { coroutineStarted, installInstrument, waitDetail, waitOwner } from "asyncio/instruments";
import { TimelineRecorder } from "./instrument.ts";
import { MARK } from "./side-channel.ts";

const BATCH = 1000;
const write = process.stdout.write.bind(process.stdout) as (chunk: string) => boolean;

function flush(): void {
  if (recorder.size === 0) return;
  // One write per line, so that no program output lands inside it.
  write(`${MARK}${JSON.stringify(recorder.take())}\n`);
}

const recorder: TimelineRecorder = new TimelineRecorder({
  waitOwner,
  waitDetail,
  coroutineStarted,
  batch: BATCH,
  onEvents: (waiting) => {
    if (waiting >= BATCH) flush();
  },
});
installInstrument(recorder);
const programWrite = process.stdout.write;
process.stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
  recorder.printed(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
  return (programWrite as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
} as typeof process.stdout.write;
installInstrument({ afterRun: flush });
process.on("exit", flush);
