/**
 * Stops a busy Python loop from another thread, again and again, as the page's Stop does:
 * `node stop-race.ts RUNS [--plain]` prints `{"runs", "stopped", "late", "lost"}` as JSON.
 *
 * Each run, Python counts through a loop that never sleeps (20,000 turns) while a second thread, after a short
 * random spin, writes STOP_SIGNAL into the interrupt buffer. The run is `stopped` when the loop
 * raised KeyboardInterrupt; `late` when the loop ended first and the signal was still in the
 * buffer (a check afterwards raises it); `lost` when it ended and the signal was gone.
 * Interrupts go through ../python/interrupt.ts's view, or, with `--plain`, the bare buffer
 * (which loses some: python/cpython#157548).
 */
import { Worker } from "node:worker_threads";
import { STOP_SIGNAL } from "../core/index.ts";
import { interruptView } from "../python/interrupt.ts";

const { loadPyodide } = await import("pyodide");
const runs = Number(process.argv[2] ?? 1000);
const plain = process.argv.includes("--plain");
const pyodide = await loadPyodide();
const interrupt = new Int32Array(new SharedArrayBuffer(4));
// [0]: the stopper may go; [1]: it has written the signal.
const control = new Int32Array(new SharedArrayBuffer(8));
pyodide.setInterruptBuffer(plain ? interrupt : interruptView(interrupt));
const stopper = new Worker(
  `const { workerData: [control, interrupt, signal] } = require("node:worker_threads");
   for (;;) {
     Atomics.wait(control, 0, 0);
     Atomics.store(control, 0, 0);
     for (let i = 0, spin = Math.random() * 100000; i < spin; i++);
     Atomics.store(interrupt, 0, signal);
     Atomics.store(control, 1, 1);
     Atomics.notify(control, 1);
   }`,
  { eval: true, workerData: [control, interrupt, STOP_SIGNAL] },
);
stopper.unref();
pyodide.runPython(`
import signal

def _stop(signum, frame):
    raise KeyboardInterrupt

signal.signal(${STOP_SIGNAL}, _stop)

def spin():
    for _ in range(20000):
        pass
`);
const spin = pyodide.globals.get("spin") as () => void;
/** Whether `run` ended in the KeyboardInterrupt the signal raises (anywhere: before, in or after the loop). */
function interrupted(run: () => void): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (error instanceof Error && error.message.includes("KeyboardInterrupt")) return true;
    throw error;
  }
}
const tally = { runs, stopped: 0, late: 0, lost: 0 };
for (let run = 0; run < runs; run++) {
  Atomics.store(interrupt, 0, 0);
  Atomics.store(control, 1, 0);
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
  const stopped = interrupted(spin);
  Atomics.wait(control, 1, 0); // the stopper has written by now, whatever the loop did
  if (stopped) tally.stopped++;
  else if (interrupted(() => pyodide.checkInterrupt())) tally.late++;
  else tally.lost++;
}
process.stdout.write(`${JSON.stringify(tally)}\n`);
