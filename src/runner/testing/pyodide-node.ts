/**
 * Runs Python programs under Pyodide in Node, through the same session code as the browser
 * worker: `node pyodide-node.ts DIR [--stop-on=TEXT] ENTRY...` runs each DIR/ENTRY in turn
 * (DIR's other `.py` files, subdirectories included, beside it) and prints one JSON array, an element per program:
 * `{ stdout, stderr, code, syntaxError?, reusable, changes }`.
 *
 * Without JS Promise Integration: `WebAssembly.Suspending` and `WebAssembly.promising` are
 * deleted before Pyodide loads, as in a browser that lacks them. With an interrupt buffer, as
 * the page gives the worker: a program that prints TEXT is stopped there, as Stop does.
 *
 * `--trace`: each outcome also holds the run's Timeline events; `--step`: the run is stepped
 * on virtual time, answering every pause with Next, and each outcome holds the pauses too.
 * `--stdlib=PATH`: the standard library to load, the worker's (../build/stdlib.ts) rather
 * than Pyodide's own.
 *
 * One interpreter for all of them, loaded once (loading is most of the cost): each program
 * still gets a fresh `__main__` and a fresh event loop, which is all these tests need.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { SyntaxErrorInfo } from "../core/index.ts";
import { STOP_SIGNAL } from "../core/index.ts";
import type { TimelineEvent } from "../../timeline/events.ts";
import type { StepSnapshot } from "../../timeline/step-snapshot.ts";
import { StepCommand } from "../../timeline/step-control.ts";
import { captureOutput, runProgram } from "../python/index.ts";

export interface NodeOutcome {
  stdout: string;
  stderr: string;
  code: number;
  syntaxError?: SyntaxErrorInfo;
  reusable: boolean;
  changes: string[];
  /** With --trace or --step: the Timeline events, in order. */
  events?: TimelineEvent[];
  /** With --step: each pause, in order. */
  pauses?: StepSnapshot[];
}

const wasm = WebAssembly as unknown as Record<string, unknown>;
delete wasm["Suspending"];
delete wasm["promising"];
const { loadPyodide } = await import("pyodide");

const [dir, ...rest] = process.argv.slice(2);
const stopOn = rest.find((arg) => arg.startsWith("--stop-on="))?.slice("--stop-on=".length);
const entries = rest.filter((arg) => !arg.startsWith("--"));
const stepping = rest.includes("--step");
const stdlib = rest.find((arg) => arg.startsWith("--stdlib="))?.slice("--stdlib=".length);
const tracing = stepping || rest.includes("--trace");
if (!dir || entries.length === 0) {
  process.stderr.write("usage: node pyodide-node.ts DIR [--stop-on=TEXT] ENTRY...\n");
  process.exit(2);
}
const files = Object.fromEntries(
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".py"))
    .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
);
const pyodide = await loadPyodide(stdlib ? { stdLibURL: stdlib } : {});
const interrupt = new Int32Array(new SharedArrayBuffer(4));
// The page's Stop, from another thread as in the page: it waits until told, then writes the
// signal and wakes the program if it sleeps. Meanwhile the program runs on (spins, or sleeps).
const stopRequest = new Int32Array(new SharedArrayBuffer(4));
const stopper = new Worker(
  `const { workerData: [request, interrupt, signal] } = require("node:worker_threads");
   for (;;) {
     Atomics.wait(request, 0, 0);
     Atomics.store(request, 0, 0);
     Atomics.store(interrupt, 0, signal);
     Atomics.notify(interrupt, 0);
   }`,
  { eval: true, workerData: [stopRequest, interrupt, STOP_SIGNAL] },
);
stopper.unref();
let current = { stdout: "", stderr: "", stopped: false };
captureOutput(pyodide, (stream, text) => {
  if (stream === 0) current.stdout += text;
  else current.stderr += text;
  if (stopOn !== undefined && !current.stopped && current.stdout.includes(stopOn)) {
    current.stopped = true;
    Atomics.store(stopRequest, 0, 1);
    Atomics.notify(stopRequest, 0);
  }
});
const outcomes: NodeOutcome[] = [];
for (const entry of entries) {
  current = { stdout: "", stderr: "", stopped: false };
  const events: TimelineEvent[] = [];
  const pauses: StepSnapshot[] = [];
  const trace = tracing
    ? {
        events: (json: string) => void events.push(...(JSON.parse(json) as TimelineEvent[])),
        ...(stepping ? { pause: (json: string) => (pauses.push(JSON.parse(json) as StepSnapshot), StepCommand.Next) } : {}),
      }
    : undefined;
  const result = runProgram(pyodide, files, entry, { interrupt }, trace);
  outcomes.push({ stdout: current.stdout, stderr: current.stderr, ...result, ...(tracing ? { events } : {}), ...(stepping ? { pauses } : {}) });
}
// Timers a program left behind must not keep Node alive: the programs are over.
process.stdout.write(`${JSON.stringify(outcomes)}\n`, () => process.exit(0));
