/**
 * The worker runtime, page side: runs a program in a module Web Worker (./entry.ts,
 * which bundles the loop library) and streams its output back; Stop, the timeout and the
 * output cap terminate the worker.
 *
 * One worker runs one program. A spare, already loaded, waits in reserve (see
 * {@link WorkerRuntime.prewarm}; the next one is started when a run ends), so Run → first
 * output costs linking and evaluating the snippet only.
 */
import { OutputCap, truncationNotice, type OutputLimits } from "../core/index.ts";
import type { RunEvent, RunRequest, RunResult, Runtime } from "../core/index.ts";
import type { FromWorker, ToWorker } from "../core/index.ts";

/** What the runtime needs of a `Worker`. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface WorkerRuntimeOptions {
  /** Makes a worker running ./entry.ts. */
  createWorker?: () => WorkerLike;
  limits?: OutputLimits;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /**
   * Start the timeout once the worker says `ready`, not when `run` is called: for a worker
   * whose loading can take long (Python's 12 MB on a slow network), so a cell is not timed
   * out while it downloads. Stop still ends the wait at any time.
   */
  timeoutFromReady?: boolean;
  /**
   * Asks `worker` to end its program but live on (Python's interrupt buffer); false when it
   * cannot. Where it can, Stop, the timeout and the cap end the run at once as before, but
   * the worker is given {@link STOP_GRACE_MS} to report its `exit`: a worker that is still
   * fresh (a warm interpreter) then runs the next program; one that is not, or is silent, is
   * terminated.
   */
  interrupt?: (worker: WorkerLike) => boolean;
  /** How long an interrupted worker may take to report its `exit` (default {@link STOP_GRACE_MS}). */
  stopGraceMs?: number;
}

/** How long an interrupted worker has to end its program before it is terminated. */
export const STOP_GRACE_MS = 2000;

function defaultWorker(): WorkerLike {
  // This exact form lets Vite bundle ./entry.ts as a module worker.
  return new Worker(new URL("./entry.ts", import.meta.url), { type: "module", name: "asyncio-snippet" }) as unknown as WorkerLike;
}

interface Spare {
  worker: WorkerLike;
  /** Messages that arrived before a run took the worker (e.g. `fatal`). */
  early: FromWorker[];
}

/**
 * The in-page runtime. Works everywhere module workers do; needs no cross-origin
 * isolation. Node built-ins (`node:fs`, TCP streams) are not available in it.
 */
export class WorkerRuntime implements Runtime {
  readonly name = "worker" as const;
  private _spare: Spare | undefined;
  /** Runs under way. */
  private _running = 0;
  private readonly _createWorker: () => WorkerLike;
  private readonly _limits: OutputLimits | undefined;
  private readonly _now: () => number;
  private readonly _setTimer: (callback: () => void, ms: number) => unknown;
  private readonly _clearTimer: (handle: unknown) => void;
  private readonly _timeoutFromReady: boolean;
  private readonly _interrupt: ((worker: WorkerLike) => boolean) | undefined;
  private readonly _stopGraceMs: number;
  /** An interrupted worker ending its program: settles once it is the spare or terminated. */
  private _stopping: Promise<void> | undefined;

  constructor(options: WorkerRuntimeOptions = {}) {
    this._createWorker = options.createWorker ?? defaultWorker;
    this._limits = options.limits;
    this._now = options.now ?? (() => performance.now());
    this._setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this._clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as number));
    this._timeoutFromReady = options.timeoutFromReady ?? false;
    this._interrupt = options.interrupt;
    this._stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
  }

  /**
   * Starts a spare worker unless one is waiting: it loads its bundle (the library included)
   * while the reader reads. Safe to call any number of times. While a run is on, it waits
   * for the run to end (which starts the spare), so that the two do not compete for a core.
   */
  prewarm(): void {
    if (this._running === 0 && !this._stopping) this._ensureSpare();
  }

  private _ensureSpare(): void {
    if (!this._spare) this._keep(this._createWorker(), []);
  }

  /** Makes `worker` the spare, collecting what it says until a run takes it. */
  private _keep(worker: WorkerLike, early: FromWorker[]): void {
    const spare: Spare = { worker, early };
    spare.worker.onmessage = (event) => {
      // Loading progress is stale once the worker is ready: a run that takes it sees none.
      if (event.data.type === "ready") spare.early = spare.early.filter((message) => message.type !== "status");
      spare.early.push(event.data);
    };
    spare.worker.onerror = (event) => {
      event.preventDefault?.();
      spare.early.push({ type: "fatal", message: failure(event) });
    };
    this._spare = spare;
  }

  /**
   * Runs `request.entry` of `request.files` (library files in it are ignored: the worker
   * has its own copy).
   *
   * Resolves once the program exited (`code` is its exit code), or was terminated: `code`
   * null with `reason` "stopped" (the signal aborted), "timeout" (`timeoutMs` passed) or
   * "output-limit" (it printed more than the cap; a status event says so). Never rejects
   * for anything the program does; a worker that cannot start gives `code` 1 and a stderr
   * message.
   */
  async run(request: RunRequest, onEvent: (event: RunEvent) => void): Promise<RunResult> {
    const start = this._now();
    const elapsed = (): number => this._now() - start;
    if (request.signal.aborted) return { code: null, reason: "stopped", elapsedMs: 0 };
    // A worker still ending the last program may be the warm one this run wants.
    if (this._stopping) await this._stopping;
    if (request.signal.aborted) return { code: null, reason: "stopped", elapsedMs: elapsed() };

    let spare: Spare;
    try {
      this._ensureSpare();
      spare = this._spare!;
    } catch (error) {
      onEvent({ type: "stderr", text: `The in-page worker could not start: ${describe(error)}\n` });
      return { code: 1, elapsedMs: elapsed() };
    }
    this._spare = undefined;
    this._running += 1;

    const { worker } = spare;
    const cap = new OutputCap(this._limits);
    return new Promise<RunResult>((resolve) => {
      let done = false;
      const finish = (result: Omit<RunResult, "elapsedMs">, reusable = false): void => {
        if (done) return;
        done = true;
        this._running -= 1;
        if (timer !== undefined) this._clearTimer(timer);
        request.signal.removeEventListener("abort", onAbort);
        // A worker that ended cleanly and says its state is fresh again runs the next program.
        const kept = reusable && !this._spare;
        const stopping = !kept && result.code === null && this._interrupt?.(worker) === true;
        if (kept) this._keep(worker, [{ type: "ready" }]);
        else if (stopping) this._stopping = this._drain(worker);
        else worker.terminate();
        resolve({ ...result, elapsedMs: elapsed() });
        // The next run's worker warms up once this one is over, not competing with it for a core.
        if (!kept && !stopping) this._setTimer(() => this.prewarm(), 0);
      };
      const limit = (): void => {
        onEvent({ type: "status", text: truncationNotice(this._limits) });
        finish({ code: null, reason: "output-limit" });
      };
      const handle = (message: FromWorker): void => {
        if (done) return;
        switch (message.type) {
          case "output":
            for (const [stream, text] of message.chunks) {
              const admitted = cap.take(text);
              if (admitted !== "") onEvent({ type: stream === 0 ? "stdout" : "stderr", text: admitted });
              if (cap.exceeded) return limit();
            }
            break;
          case "timeline":
            onEvent({ type: "timeline", events: message.events });
            break;
          case "paused":
            onEvent({ type: "paused", snapshot: message.snapshot });
            break;
          case "limit":
            return limit();
          case "ready":
            // Where loading takes seconds (Python), say when it is over and the program runs.
            if (this._timeoutFromReady) onEvent({ type: "status", text: "Running…" });
            startClock();
            break;
          case "status":
            onEvent(message.progress ? { type: "status", text: message.text, progress: message.progress } : { type: "status", text: message.text });
            break;
          case "exit":
            return finish(message.syntaxError ? { code: message.code, syntaxError: message.syntaxError } : { code: message.code }, message.reusable);
          case "fatal":
            onEvent({ type: "stderr", text: `${message.message}\n` });
            return finish({ code: 1 });
        }
      };
      const onAbort = (): void => finish({ code: null, reason: "stopped" });
      let timer: unknown;
      const startClock = (): void => {
        timer ??= this._setTimer(() => finish({ code: null, reason: "timeout" }), request.timeoutMs);
      };
      if (!this._timeoutFromReady) startClock();
      request.signal.addEventListener("abort", onAbort, { once: true });
      worker.onmessage = (event) => handle(event.data);
      worker.onerror = (event) => {
        event.preventDefault?.();
        onEvent({ type: "stderr", text: `${failure(event)}\n` });
        finish({ code: 1 });
      };
      for (const message of spare.early) handle(message);
      worker.postMessage({
        type: "run",
        files: request.files,
        entry: request.entry,
        ...(request.record ? { record: true } : {}),
        ...(request.step ? { step: request.step } : {}),
      });
    });
  }

  /**
   * Waits for an interrupted worker's `exit` (its output is no longer wanted): kept as the
   * spare when it says it is fresh, else terminated, as it is after its grace period.
   */
  private _drain(worker: WorkerLike): Promise<void> {
    return new Promise<void>((settle) => {
      let over = false;
      const end = (message?: FromWorker): void => {
        if (over) return;
        over = true;
        this._clearTimer(timer);
        if (message?.type === "exit" && message.reusable && !this._spare) this._keep(worker, [{ type: "ready" }]);
        else worker.terminate();
        this._stopping = undefined;
        settle();
        this.prewarm();
      };
      const timer = this._setTimer(() => end(), this._stopGraceMs);
      worker.onmessage = (event) => {
        if (event.data.type === "exit" || event.data.type === "fatal") end(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        end();
      };
    });
  }
}

/** What the reader is told when the worker itself errs (it failed to load, or crashed). */
function failure(event: ErrorEvent): string {
  return `The in-page worker failed: ${event.message || "it could not be loaded"}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
