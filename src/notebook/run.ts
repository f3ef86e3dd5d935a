/**
 * One way to run a cell or an exercise, without the DOM: pick the runtime (Step through's
 * included), prepare the files, run the code, judge the result, and end with a typed outcome
 * (./outcome.ts). The page's cells and exercises only show what it reports; the tests drive it
 * with fake runtimes.
 *
 * ```ts
 * const outcome = await runCell({ cell, half: "ts", code, signal, onUpdate: (u) => view.show(u) });
 * if (outcome.kind === "match") …
 * ```
 */
import { ENTRY } from "../runner/core/index.ts";
import type { FileTree, PrepareInput, RunEvent, RunNeeds, RunRequest, Runtime, RuntimeStatus } from "../runner/index.ts";
import type { PythonVerdict } from "../runner/python/index.ts";
import type { TimelineEvent } from "../timeline/events.ts";
import type { StepSnapshot } from "../timeline/step-snapshot.ts";
import { STEPPING_TIMEOUT_MS, type Cell, type Half } from "./cell.ts";
import { verdictOf, isTheShownSolution } from "./exercise-verdict.ts";
import { notStarted, type CellOutcome, type ExerciseOutcome, type Ran } from "./outcome.ts";
import { OutputJudge, type JudgedLine, type Stream } from "./output-judge.ts";

/** What a run reports while it lasts, in order, for a view to show. */
export type RunUpdate =
  /** What the run is doing before its program runs ("Preparing…", a runtime's stage); "" once it runs. */
  | { type: "doing"; text: string }
  /** The program starts in `runtime`; `mergesStderr`: its stderr arrives as stdout. */
  | { type: "started"; runtime: string; mergesStderr: boolean }
  /** Complete lines of output, each judged against the expectation (cells) or not (exercises). */
  | { type: "lines"; lines: JudgedLine[] }
  /** The output cap stopped the program (said before its last, partial lines). */
  | { type: "truncated" }
  | { type: "timeline"; events: TimelineEvent[] }
  | { type: "paused"; snapshot: StepSnapshot };

/** The Python room, as the run needs it (loaded on the first Python run). */
export type PythonRoom = Pick<
  typeof import("../runner/python/index.ts"),
  "pythonUnavailable" | "classifyPython" | "pythonRuntime" | "pythonFiles" | "PYTHON_ENTRY"
>;

/** Where the run gets its runtimes and files: the runner by default, fakes in the tests. */
export interface RunDeps {
  getRuntime(signal: AbortSignal, needs: RunNeeds): Promise<Runtime>;
  prepareFiles(input: PrepareInput): Promise<FileTree>;
  /** Calls back with the runtime's status now and on change; returns the unsubscribe function. */
  onRuntimeStatus(listener: (status: RuntimeStatus) => void): () => void;
  python(): Promise<PythonRoom>;
}

const runnerDeps: RunDeps = {
  getRuntime: async (signal, needs) => (await import("../runner/index.ts")).getRuntime(signal, needs),
  prepareFiles: async (input) => (await import("../runner/index.ts")).prepareFiles(input),
  onRuntimeStatus: (listener) => {
    let unsubscribe: (() => void) | undefined;
    let done = false;
    void import("../runner/index.ts").then((runner) => {
      if (!done) unsubscribe = runner.onRuntimeStatus(listener);
    });
    return () => {
      done = true;
      unsubscribe?.();
    };
  },
  python: () => import("../runner/python/index.ts"),
};

/**
 * Python at once: starts Pyodide loading in the Python runtime's spare worker, so that a Run
 * soon after finds the interpreter started. Called when the reader shows intent (the Python
 * tab, editor or Run); a reader who never does pays nothing. Where Python cannot run, nothing.
 */
export async function prewarmPython(deps: RunDeps = runnerDeps): Promise<void> {
  const python = await deps.python();
  if (python.pythonUnavailable() === undefined) python.pythonRuntime().prewarm();
}

/** CPython's stderr is not recorded (tracebacks name paths and vary): any is accepted. */
const ANY_STDERR = "…";

export interface CellRunRequest {
  cell: Cell;
  half: Half;
  /** The half's code as the reader has it now (edited or not). */
  code: string;
  /** Aborting it is Stop. */
  signal: AbortSignal;
  onUpdate: (update: RunUpdate) => void;
  /** Record the loop's Timeline. */
  record?: boolean;
  /**
   * Step through's control buffer: the run goes to a runtime that can pause (the worker for
   * TypeScript; Python's own worker, on CPython's loop on virtual time).
   */
  step?: SharedArrayBuffer;
}

/** Runs one half of a cell and judges it; never rejects. */
export async function runCell(request: CellRunRequest, deps: RunDeps = runnerDeps): Promise<CellOutcome> {
  try {
    return await (request.half === "py" ? runPython(request, deps) : runTypeScript(request, deps));
  } catch (error) {
    return notStarted(error, request.signal);
  }
}

/** Feeds a runtime's events through the judge to the view, keeping both streams. */
class Judging {
  readonly ran: Omit<Ran, "result">;
  private readonly judge: OutputJudge;
  // A plain field, not a parameter property: Node's type stripping (the scripts import this
  // module) refuses parameter properties.
  private readonly onUpdate: (update: RunUpdate) => void;

  constructor(expected: string, expectedStderr: string | undefined, runtime: Runtime<string>, onUpdate: (update: RunUpdate) => void) {
    this.onUpdate = onUpdate;
    this.ran = { stdout: "", stderr: "", runtime: runtime.name };
    this.judge = new OutputJudge(expected, expectedStderr, { mergedStderr: runtime.mergesStderr === true });
    onUpdate({ type: "started", runtime: runtime.name, mergesStderr: runtime.mergesStderr === true });
  }

  event(event: RunEvent): void {
    switch (event.type) {
      case "status":
        return this.onUpdate({ type: "doing", text: event.text });
      case "stdout":
      case "stderr":
        return this.write(event.type, event.text);
      case "timeline":
        return this.onUpdate({ type: "timeline", events: event.events });
      case "paused":
        return this.onUpdate({ type: "paused", snapshot: event.snapshot });
    }
  }

  private write(stream: Stream, text: string): void {
    this.ran[stream] += text;
    const lines = this.judge.write(stream, text);
    if (lines.length > 0) this.onUpdate({ type: "lines", lines });
  }

  /** The run is over: judges it whole only when the program ran to its end. */
  finish(result: Ran["result"]): CellOutcome {
    const complete = result.reason === undefined && !result.syntaxError;
    if (result.reason === "output-limit") this.onUpdate({ type: "truncated" });
    const { lines, verdict } = this.judge.finish(complete);
    if (lines.length > 0) this.onUpdate({ type: "lines", lines });
    const ran: Ran = { ...this.ran, result };
    if (result.syntaxError) return { kind: "syntax-error", message: result.syntaxError.message, ran };
    if (result.reason !== undefined) return { kind: "cut", reason: result.reason, ran, verdict };
    return { kind: verdict.matches ? "match" : "differs", ran, verdict };
  }

  /** The run failed midway: the partial lines still show. */
  abandon(): void {
    const { lines } = this.judge.finish(false);
    if (lines.length > 0) this.onUpdate({ type: "lines", lines });
  }
}

async function runTypeScript(request: CellRunRequest, deps: RunDeps): Promise<CellOutcome> {
  const { cell, signal, onUpdate, step } = request;
  onUpdate({ type: "doing", text: "Preparing…" });
  let started = false;
  const unwatch = deps.onRuntimeStatus((status) => {
    if (status.state === "booting" && !started) onUpdate({ type: "doing", text: "Starting the WebContainer (Node.js in the browser)…" });
  });
  let judging: Judging | undefined;
  try {
    const files = await deps.prepareFiles({ code: request.code, files: cell.files, ...(cell.compiled ? { compiled: cell.compiled } : {}) });
    signal.throwIfAborted();
    const runtime = await deps.getRuntime(signal, { step: step !== undefined });
    signal.throwIfAborted();
    started = true;
    unwatch();
    judging = new Judging(cell.expected, cell.expectedStderr, runtime, onUpdate);
    onUpdate({ type: "doing", text: "" });
    const run: RunRequest = {
      files,
      entry: ENTRY,
      timeoutMs: step ? STEPPING_TIMEOUT_MS : cell.timeoutMs,
      signal,
      ...(step || request.record ? { record: true } : {}),
      ...(step ? { step } : {}),
    };
    const result = await runtime.run(run, (event) => judging!.event(event));
    return judging.finish(result);
  } catch (error) {
    judging?.abandon();
    throw error;
  } finally {
    unwatch();
  }
}

async function runPython(request: CellRunRequest, deps: RunDeps): Promise<CellOutcome> {
  const { cell, code, signal, onUpdate, step } = request;
  onUpdate({ type: "doing", text: "Preparing…" });
  const python = await deps.python();
  signal.throwIfAborted();
  const cannot = python.pythonUnavailable() ?? cannotRunWhy(python.classifyPython(code));
  if (cannot !== undefined) return { kind: "unavailable", why: cannot };
  const runtime = python.pythonRuntime();
  const judging = new Judging(cell.pythonInPage ?? cell.pythonExpected ?? "", ANY_STDERR, runtime, onUpdate);
  try {
    const result = await runtime.run(
      {
        files: python.pythonFiles(code),
        entry: python.PYTHON_ENTRY,
        timeoutMs: step ? STEPPING_TIMEOUT_MS : cell.timeoutMs,
        signal,
        ...(step || request.record ? { record: true } : {}),
        ...(step ? { step } : {}),
      },
      (event) => judging.event(event),
    );
    return judging.finish(result);
  } catch (error) {
    judging.abandon();
    throw error;
  }
}

function cannotRunWhy(verdict: PythonVerdict): string | undefined {
  if (verdict.runnable) return undefined;
  const first = verdict.obstacles[0]!;
  return `This program cannot run in your browser: ${verdict.reason} (line ${first.line}: ${first.found}).`;
}

/** What an exercise's run runs: the TypeScript half's sources, or the Python half's files. */
export type ExerciseSource =
  /** The files to prepare (`checkSource`/`runSource` of src/exercises/tree.ts). */
  | { half?: "ts"; source: PrepareInput }
  /** The files as they run (`pythonCheckFiles` of src/exercises/python-tree.ts, or the reader's code alone for Run) and the entry. */
  | { half: "py"; files: FileTree; entry: string };

export type ExerciseRunRequest = ExerciseSource & {
  /** "check" runs the exercise's checks against the code; "run" runs the reader's `main`. */
  kind: "check" | "run";
  /** The reader's code, to tell the shown solution from the reader's own. */
  code: string;
  /** Show solution was pressed, and this is its solution: then a pass does not count. */
  solution?: string;
  timeoutMs: number;
  signal: AbortSignal;
  onUpdate: (update: RunUpdate) => void;
};

/** The runtime and files of an exercise's run: the cells' runtime for TypeScript, Pyodide's worker for Python. */
async function exerciseRun(
  request: ExerciseRunRequest,
  deps: RunDeps,
): Promise<{ runtime: Runtime<string>; files: FileTree; entry: string } | { unavailable: string }> {
  const { signal } = request;
  if (request.half === "py") {
    const python = await deps.python();
    signal.throwIfAborted();
    const cannot = python.pythonUnavailable() ?? cannotRunWhy(python.classifyPython(request.code));
    if (cannot !== undefined) return { unavailable: cannot };
    return { runtime: python.pythonRuntime(), files: request.files, entry: request.entry };
  }
  const files = await deps.prepareFiles(request.source);
  signal.throwIfAborted();
  const runtime = await deps.getRuntime(signal, {});
  return { runtime, files, entry: ENTRY };
}

/**
 * Checks or runs either half of an exercise; never rejects. TypeScript runs in the cells'
 * runtime, Python in Pyodide's worker on CPython's own loop (the checks put it on virtual
 * time); both harnesses print the same `::check::` lines, read by one verdict. Run reports its
 * output as it comes; Check reports nothing until its checks are read.
 */
export async function runExercise(request: ExerciseRunRequest, deps: RunDeps = runnerDeps): Promise<ExerciseOutcome> {
  const { kind, signal, onUpdate } = request;
  try {
    const prepared = await exerciseRun(request, deps);
    if ("unavailable" in prepared) return { kind: "unavailable", why: prepared.unavailable };
    const { runtime, files, entry } = prepared;
    signal.throwIfAborted();
    const out = { stdout: "", stderr: "", runtime: runtime.name };
    const result = await runtime.run({ files, entry, timeoutMs: request.timeoutMs, signal }, (event) => {
      if (event.type === "status") return onUpdate({ type: "doing", text: event.text });
      if (event.type !== "stdout" && event.type !== "stderr") return;
      out[event.type] += event.text;
      if (kind === "run") {
        const lines = event.text.replace(/\n$/, "").split("\n").map((text) => ({ stream: event.type as Stream, text, departs: false }));
        onUpdate({ type: "lines", lines });
      }
    });
    const ran: Ran = { ...out, result };
    if (kind === "run") return { kind: "ran", ran };
    const verdict = verdictOf({ stdout: ran.stdout, stderr: ran.stderr, code: result.code, reason: result.reason, timeoutMs: request.timeoutMs });
    const shown = request.solution !== undefined && isTheShownSolution(request.code, request.solution);
    return { kind: "checked", ran, verdict, counts: verdict.passed && !shown };
  } catch (error) {
    const outcome = notStarted(error, signal);
    return outcome.kind === "syntax-error" ? { kind: "syntax-error", message: outcome.message } : outcome;
  }
}

/**
 * One run at a time for one half of a cell (or one exercise): a second start while one runs
 * gets the running one's promise; stop aborts it.
 */
export class RunSlot<T> {
  private current: { controller: AbortController; done: Promise<T> } | undefined;

  get running(): boolean {
    return this.current !== undefined;
  }

  /** The run in progress, if any. */
  get done(): Promise<T> | undefined {
    return this.current?.done;
  }

  /** Starts `body` unless a run is going; `body` must not reject. */
  start(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.current) return this.current.done;
    const controller = new AbortController();
    const done = body(controller.signal).finally(() => {
      this.current = undefined;
    });
    this.current = { controller, done };
    return done;
  }

  stop(): void {
    this.current?.controller.abort();
  }
}
