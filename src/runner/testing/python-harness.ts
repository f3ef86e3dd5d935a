/**
 * The page script of the Python runtime's browser test (../python/runtime.browser.test.ts): the real
 * PythonRuntime and worker, bundled by esbuild, driven from Playwright through `window.python`.
 */
import { PythonRuntime, PYTHON_ENTRY, pythonFiles, pythonUnavailable } from "../python/index.ts";
import type { RunEvent, RunResult } from "../core/index.ts";

export interface PythonHarnessRun {
  events: RunEvent[];
  result: RunResult;
  /** Milliseconds from calling `run` to the first stdout/stderr event, if any. */
  firstOutputMs: number | null;
  /** The longest the page's main thread was blocked during the run (setInterval probe). */
  longestStallMs: number;
  /** How many times a 5 ms interval got to run on the page during the run: 0 means frozen. */
  ticks: number;
  /** Probe ticks after `stopAfterOutput` was printed: the page's main thread ran while the program spun. */
  ticksAfterOutput: number;
  /** Milliseconds from calling `run` to the first status of each loading stage. */
  stages: Record<string, number>;
}

export interface PythonHarnessOptions {
  timeoutMs?: number;
  /** Abort after this many ms (the Stop button). */
  stopAfterMs?: number;
  /** Abort once this text has been printed (Stop once the program is surely running)... */
  stopAfterOutput?: string;
  /** ...and this many ms more. */
  stopDelayMs?: number;
  limits?: { lines: number; chars: number };
  /** A program of several files (an exercise's checks, the reader's module, the harness): `code` is then ignored. */
  files?: Record<string, string>;
  /** Which of `files` runs (default main.py). */
  entry?: string;
  /** Record the run's Timeline, as the page's Timeline does (its events come as `timeline` events). */
  record?: boolean;
}

const runtimes = new Map<string, PythonRuntime>();
let workersCreated = 0;

function runtime(limits?: PythonHarnessOptions["limits"]): PythonRuntime {
  const key = JSON.stringify(limits ?? null);
  let found = runtimes.get(key);
  if (!found) {
    found = new PythonRuntime({
      createWorker: () => {
        workersCreated++;
        return new Worker("/python-worker.js", { type: "module", name: "python" }) as never;
      },
      // "Stop keeps the interpreter" is about the interrupt, not its speed: on a loaded machine
      // the interrupted program can take longer than the page's 2 s to say it ended.
      stopGraceMs: 10_000,
      ...(limits ? { limits } : {}),
    });
    runtimes.set(key, found);
  }
  return found;
}

async function run(code: string, options: PythonHarnessOptions = {}): Promise<PythonHarnessRun> {
  const events: RunEvent[] = [];
  const controller = new AbortController();
  let firstOutputMs: number | null = null;
  let longestStallMs = 0;
  let ticks = 0;
  let ticksAtOutput: number | null = null;
  let last = performance.now();
  let printed = "";
  const stages: Record<string, number> = {};
  const probe = setInterval(() => {
    ticks++;
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 5);
  if (options.stopAfterMs !== undefined) setTimeout(() => controller.abort(), options.stopAfterMs);
  const start = performance.now();
  const result = await runtime(options.limits).run(
    {
      files: options.files ?? pythonFiles(code),
      entry: options.entry ?? PYTHON_ENTRY,
      timeoutMs: options.timeoutMs ?? 10_000,
      signal: controller.signal,
      ...(options.record ? { record: true } : {}),
    },
    (event) => {
      if (firstOutputMs === null && event.type !== "status") firstOutputMs = performance.now() - start;
      if (event.type === "status" && event.progress) stages[event.progress.stage] ??= performance.now() - start;
      events.push(event);
      if (event.type === "stdout" && options.stopAfterOutput !== undefined) {
        printed += event.text;
        if (printed.includes(options.stopAfterOutput) && ticksAtOutput === null) ticksAtOutput = ticks;
        if (printed.includes(options.stopAfterOutput)) setTimeout(() => controller.abort(), options.stopDelayMs ?? 0);
      }
    },
  );
  clearInterval(probe);
  return { events, result, firstOutputMs, longestStallMs, ticks, ticksAfterOutput: ticks - (ticksAtOutput ?? ticks), stages };
}

/**
 * Runs `code` as a browser without JS Promise Integration would: `WebAssembly.Suspending` and
 * `WebAssembly.promising` deleted in the page and in the worker, before Pyodide loads.
 */
async function runWithoutJspi(code: string): Promise<PythonHarnessRun & { workersCreated: number; jspiInWorker: boolean }> {
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  const saved = { Suspending: wasm["Suspending"], promising: wasm["promising"] };
  delete wasm["Suspending"];
  delete wasm["promising"];
  const before = workersCreated;
  try {
    const fresh = new PythonRuntime({
      createWorker: () => {
        workersCreated++;
        return new Worker("/python-worker-no-jspi.js", { type: "module", name: "python" }) as never;
      },
    });
    const events: RunEvent[] = [];
    const probe = "import js\nprint('JSPI in the worker:', hasattr(js.WebAssembly, 'Suspending') or hasattr(js.WebAssembly, 'promising'))\n";
    const result = await fresh.run(
      { files: pythonFiles(probe + code), entry: PYTHON_ENTRY, timeoutMs: 10_000, signal: new AbortController().signal },
      (event) => events.push(event),
    );
    const stdout = events.flatMap((e) => (e.type === "stdout" ? [e.text] : [])).join("");
    const jspiInWorker = !stdout.startsWith("JSPI in the worker: False\n");
    const rest = events.map((e) => (e.type === "stdout" ? { ...e, text: e.text.replace(/^JSPI in the worker: \w+\n/, "") } : e)).filter((e) => e.type !== "stdout" || e.text !== "");
    return { events: rest, result, firstOutputMs: null, longestStallMs: 0, ticks: 0, ticksAfterOutput: 0, stages: {}, workersCreated: workersCreated - before, jspiInWorker };
  } finally {
    Object.assign(wasm, saved);
  }
}

(globalThis as unknown as { python: unknown }).python = {
  runWithoutJspi,
  run,
  prewarm: (limits?: PythonHarnessOptions["limits"]) => runtime(limits).prewarm(),
  unavailable: () => pythonUnavailable() ?? null,
  workersCreated: () => workersCreated,
};
