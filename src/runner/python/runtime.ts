/**
 * The Python runtime, page side: runs a cell's Python twin with CPython compiled to WebAssembly
 * (Pyodide) in a module Web Worker (./entry.ts), served from the site's own origin.
 *
 * It is the worker runtime (../worker/runtime.ts) with another worker: the same timeout, output cap,
 * Stop (terminating the worker) and spare worker. One worker runs one program, so every run
 * starts from a fresh interpreter; the next worker loads while the reader reads, from the HTTP
 * cache, so only the first run waits for the download (with progress events: bytes, then
 * stages). Loading this module loads nothing else: Pyodide comes on the first run (or
 * {@link PythonRuntime.prewarm}).
 *
 * ```ts
 * const { pythonRuntime, pythonFiles, PYTHON_ENTRY } = await import("../runner/python/index.ts");
 * const result = await pythonRuntime().run(
 *   { files: pythonFiles(code), entry: PYTHON_ENTRY, timeoutMs, signal },
 *   (event) => (event.type === "status" ? showStatus(event.text) : log.write(event.type, event.text)),
 * );
 * ```
 */
import type { FileTree, RunEvent, RunRequest, RunResult, Runtime } from "../core/index.ts";
import { WorkerRuntime, type WorkerRuntimeOptions } from "../worker/index.ts";

export { PYTHON_LABEL, PYTHON_VERSION } from "./assets.ts";
export { classifyPython, type PythonVerdict } from "./classify.ts";

/** The file a Python cell runs. */
export const PYTHON_ENTRY = "main.py";

/** A Python cell's code as the files a run takes. */
export function pythonFiles(code: string): FileTree {
  return { [PYTHON_ENTRY]: code };
}

/** Why this browser cannot run Python, in the reader's words. */
export const JSPI_MISSING =
  "Python cannot run in this browser: Pyodide's asyncio needs WebAssembly JavaScript Promise Integration (JSPI), " +
  "which this browser does not have (Chrome and Edge do).";

const NO_WORKERS = "Python cannot run in this browser: it has no module Web Workers.";

/**
 * Why Python cannot run here, or undefined when it can. Checked before anything is fetched, so
 * the page can show the recorded CPython output at once.
 */
export function pythonUnavailable(scope: { WebAssembly?: unknown; Worker?: unknown } = globalThis): string | undefined {
  if (typeof scope.Worker !== "function") return NO_WORKERS;
  const wasm = scope.WebAssembly as { Suspending?: unknown; promising?: unknown } | undefined;
  if (typeof wasm?.Suspending !== "function" || typeof wasm.promising !== "function") return JSPI_MISSING;
  return undefined;
}

export interface PythonRuntimeOptions extends WorkerRuntimeOptions {
  /** Why Python cannot run (default {@link pythonUnavailable}). */
  unavailable?: () => string | undefined;
}

function defaultWorker(): ReturnType<NonNullable<WorkerRuntimeOptions["createWorker"]>> {
  // This exact form lets Vite bundle ./entry.ts as a module worker.
  return new Worker(new URL("./entry.ts", import.meta.url), { type: "module", name: "python" }) as never;
}

export class PythonRuntime implements Runtime<"pyodide"> {
  readonly name = "pyodide" as const;
  private readonly _workers: WorkerRuntime;
  private readonly _unavailable: () => string | undefined;

  constructor(options: PythonRuntimeOptions = {}) {
    const { unavailable, ...workerOptions } = options;
    this._workers = new WorkerRuntime({ createWorker: defaultWorker, ...workerOptions, timeoutFromReady: true });
    this._unavailable = unavailable ?? (() => pythonUnavailable());
  }

  /**
   * Starts loading Pyodide in a spare worker, unless one is loading or ready. Call it when the
   * reader shows intent (opens the Python tab); never before, so a page nobody runs Python on
   * fetches nothing. Does nothing where Python cannot run.
   */
  prewarm(): void {
    if (this._unavailable() === undefined) this._workers.prewarm();
  }

  /**
   * Runs `request.entry` (e.g. "main.py") of `request.files` like `python3 main.py`;
   * `request.timeoutMs` counts from when Python is loaded, not from the call. Resolves
   * as the worker runtime does: the exit code (1 for an uncaught exception, with CPython's
   * traceback on stderr), or `code` null with `reason` "stopped", "timeout" or "output-limit".
   * A program that does not compile exits 1 with CPython's message on stderr and
   * `syntaxError` (line, column). Where Python cannot run: code 1, the reason on stderr, and no
   * worker. Status events report loading: `progress` holds the stage and bytes.
   */
  async run(request: RunRequest, onEvent: (event: RunEvent) => void): Promise<RunResult> {
    const unavailable = this._unavailable();
    if (unavailable !== undefined) {
      onEvent({ type: "stderr", text: `${unavailable}\n` });
      return { code: 1, elapsedMs: 0 };
    }
    return this._workers.run(request, onEvent);
  }
}

let shared: PythonRuntime | undefined;

/** The page's one Python runtime (one spare worker for all cells). */
export function pythonRuntime(): PythonRuntime {
  shared ??= new PythonRuntime();
  return shared;
}
