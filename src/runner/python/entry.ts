/**
 * The Python runtime's Web Worker: CPython (Pyodide) running one program like `python3 main.py`.
 *
 * It starts loading Pyodide from the site's own copy (./assets.ts) as soon as it exists,
 * reporting progress (bytes, then stages), says `ready`, runs the programs it is given one at a
 * time (./session.ts) and reports each exit, saying whether the interpreter is fresh
 * enough for another. A program runs synchronously on CPython's own loop, which sleeps this
 * thread between timers; output is batched and capped like the TypeScript worker's
 * (./worker-output.ts), and sent before each sleep. Stop, the timeout and the cap interrupt
 * the program through the buffer the page sent first (`interrupt`), so the interpreter
 * survives; without one, or when the program will not end, the page terminates the worker
 * (./runtime.ts, through ../worker/runtime.ts). A run the page records or steps gets the
 * Python side's Timeline events and pauses (./trace.ts) as `timeline` and `paused` messages.
 */
import type { PyodideAPI } from "pyodide";
import { MacrotaskQueue } from "asyncio/host";
import { PYODIDE_DIR, STDLIB_FILE } from "./assets.ts";
import { progressText, type LoadProgress } from "../core/index.ts";
import { captureOutput, runProgram, type PythonHost } from "./session.ts";
import { OutputChannel } from "../core/index.ts";
import type { FromWorker, ToWorker } from "../core/index.ts";
import type { TraceHost } from "./session.ts";
import { pollStep, StepCommand } from "../../timeline/step-control.ts";

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
  fetch: typeof fetch;
}

const scope = globalThis as unknown as WorkerScope;
const post = (message: FromWorker): void => scope.postMessage(message);

// Flushes of batched output: a task of their own (a MessageChannel), not a Python callback.
const internal = new MacrotaskQueue(new MessageChannel());
/** Each run's output: batched and capped per program. */
const channel = (): OutputChannel =>
  new OutputChannel({
    post,
    schedule: (callback) => void internal.schedule(callback),
    now: () => performance.now(),
  });
let output = channel();

/** The site's Pyodide directory, e.g. "https://example.org/pyodide/314.0.8/". */
function baseUrl(): string {
  const base = import.meta.env?.BASE_URL ?? "/";
  return new URL(`${base.endsWith("/") ? base : `${base}/`}${PYODIDE_DIR}`, location.origin).href;
}

const progress: LoadProgress = { stage: "downloading", loaded: 0, total: 0 };
let lastReport = 0;
function report(force = false): void {
  const now = performance.now();
  if (!force && now - lastReport < 100) return;
  lastReport = now;
  post({ type: "status", text: progressText(progress), progress: { ...progress } });
}
function enter(stage: LoadProgress["stage"]): void {
  if (progress.stage === stage) return;
  progress.stage = stage;
  report(true);
}

/**
 * Pyodide has no progress hook, and fetches its files with the global `fetch`: this counts
 * their bytes as they arrive. Once the interpreter's WebAssembly is all here, what remains
 * of its loading is compiling it.
 */
function countDownloads(base: string): void {
  const original = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(base) || !response.body) return response;
    progress.total += Number(response.headers.get("Content-Length") ?? 0);
    report(true);
    const wasm = url.endsWith(".wasm");
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          progress.loaded += chunk.byteLength;
          report();
          controller.enqueue(chunk);
        },
        flush() {
          if (wasm) enter("compiling");
        },
      }),
    );
    // Same status and headers: instantiateStreaming needs `Content-Type: application/wasm`.
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

async function load(): Promise<PyodideAPI> {
  const base = baseUrl();
  countDownloads(base);
  report(true);
  const { loadPyodide } = (await import(/* @vite-ignore */ `${base}pyodide.mjs`)) as typeof import("pyodide");
  const pyodide = await loadPyodide({
    indexURL: base,
    // Ours: the standard library with the bytecode of what start-up imports (./assets.ts).
    stdLibURL: `${base}${STDLIB_FILE}`,
    // Called once the WebAssembly is instantiated, before the interpreter starts.
    fsInit: async () => enter("starting"),
  });
  captureOutput(pyodide, (stream, text) => output.write(stream, text));
  return pyodide;
}

const loading = load();
loading.then(
  () => post({ type: "ready" }),
  (error: unknown) => post({ type: "fatal", message: `Python could not start: ${error instanceof Error ? error.message : String(error)}` }),
);

const host: PythonHost = { beforeSleep: () => output.flush() };

/**
 * A recorded run's Timeline events go to the page as they come (the Python side batches them);
 * a stepped run's pauses show there, and the worker blocks on the control buffer until the
 * reader's command, or Stop (the interrupt buffer, checked between short waits).
 */
function traceHost(step: SharedArrayBuffer | undefined): TraceHost {
  const events = (json: string): void => post({ type: "timeline", events: JSON.parse(json) });
  if (!step) return { events };
  return {
    events,
    pause(json) {
      output.flush();
      post({ type: "paused", snapshot: JSON.parse(json) });
      for (;;) {
        const command = pollStep(step, 100);
        if (command !== null) return command;
        if (host.interrupt && Atomics.load(host.interrupt, 0) !== 0) return StepCommand.RunToEnd; // Stop: the next check raises
      }
    },
  };
}

scope.addEventListener("message", async (event) => {
  if (event.data.type === "interrupt") {
    host.interrupt = new Int32Array(event.data.buffer);
    return;
  }
  if (event.data.type !== "run") return;
  const { files, entry, record, step } = event.data;
  let pyodide: PyodideAPI;
  try {
    pyodide = await loading;
  } catch {
    return; // `fatal` said why
  }
  output = channel();
  try {
    const result = runProgram(pyodide, files, entry, host, record || step ? traceHost(step) : undefined);
    output.close();
    post({
      type: "exit",
      code: result.code,
      reusable: result.reusable,
      ...(result.syntaxError ? { syntaxError: result.syntaxError } : {}),
    });
  } catch (error) {
    output.close();
    post({ type: "fatal", message: `Python failed: ${error instanceof Error ? error.message : String(error)}` });
  }
});
