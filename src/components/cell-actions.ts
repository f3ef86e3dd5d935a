/**
 * What the cell buttons do, loaded on first use (or when the browser is idle) by
 * `cell-client.ts`: running either half of a cell (the TypeScript through the runner, the
 * Python through Pyodide), Stop, the editor, Reset, Copy, Run both, Run all, and the runtime
 * badges. Holds no runtime logic of its own: that is `src/runner/`.
 */
import {
  ENTRY,
  getRuntime,
  onRuntimeStatus,
  prepareFiles,
  prewarm as prewarmRunner,
  setPreferredRuntime,
  type RuntimeStatus,
} from "../runner/index.ts";
import type { PythonVerdict } from "../runner/python/index.ts";
import type { RunEvent, RunRequest, RunResult, Runtime } from "../runner/core/index.ts";
import type { EditorView } from "@codemirror/view";
import { readCellData, type CellData } from "./cell-data.ts";
import { clearEdit, editName, loadEdit, saveEdit } from "./edit-store.ts";
import { OutputView, type OutputVerdict } from "./output-view.ts";
import type { RuntimeChoice } from "./runtime-choice.ts";
import { CellTimeline } from "./cell-timeline.ts";
import { CellStepper } from "./cell-stepper.ts";
import { showSideBySide } from "./side-by-side-view.ts";
import { recordRun } from "../progress/cells-run.ts";

/** What a cell button does (its `data-action`). */
export type Action = "run" | "stop" | "edit" | "reset" | "copy" | "share" | "restore" | "timeline" | "step" | "both";

/** A cell's two halves: its TypeScript, and its Python original. Each is a tab panel. */
export type Lang = "ts" | "py";

/** What a run printed on stdout, for Run both; `ran` is false when it could not start. */
export interface RunOutcome {
  ran: boolean;
  stdout: string;
}

interface HalfState {
  editor?: EditorView;
  /** The run in progress, if any. */
  run?: { controller: AbortController; done: Promise<RunOutcome> };
}

interface CellState {
  data: CellData;
  ts: HalfState;
  py: HalfState;
  timeline?: CellTimeline;
  stepper?: CellStepper;
}

/** How a run is made: plain, or stepped (Step through). */
interface RunOptions {
  /** Step through's control buffer. */
  step?: SharedArrayBuffer;
}

/** The longest a stepped run may last: the reader sets the pace (setTimeout's maximum). */
const STEPPING_TIMEOUT_MS = 2 ** 31 - 1;

const states = new WeakMap<HTMLElement, CellState>();

function stateOf(cell: HTMLElement): CellState {
  let state = states.get(cell);
  if (!state) {
    state = { data: readCellData(cell), ts: {}, py: {} };
    states.set(cell, state);
  }
  return state;
}

function panel(cell: HTMLElement, lang: Lang): HTMLElement {
  return cell.querySelector<HTMLElement>(`[data-panel="${lang}"]`)!;
}

/** A part of one half: its controls, code, editor, live output and status are its own. */
function part<T extends HTMLElement = HTMLElement>(cell: HTMLElement, lang: Lang, selector: string): T {
  return panel(cell, lang).querySelector<T>(selector)!;
}

function button(cell: HTMLElement, lang: Lang, action: Action): HTMLButtonElement {
  return part<HTMLButtonElement>(cell, lang, `button[data-action="${action}"]`);
}

function editKey(cell: HTMLElement, lang: Lang): string {
  return editName(cell.id, lang);
}

/** Performs a button's action on one half; resolves when it is done (for Run: when the run ended). */
export async function perform(cell: HTMLElement, action: Action, lang: Lang = "ts"): Promise<void> {
  switch (action) {
    case "run":
      await (lang === "py" ? runPython(cell) : run(cell));
      return;
    case "stop":
      return stop(cell, lang);
    case "edit":
      return edit(cell, lang, true);
    case "restore":
      for (const half of ["ts", "py"] as const) {
        if (cell.querySelector(`[data-panel="${half}"]`) && loadEdit(editKey(cell, half)) !== null) await edit(cell, half, false);
      }
      return;
    case "reset":
      return reset(cell, lang);
    case "copy":
      return copy(cell, lang);
    case "share":
      return share(cell, lang);
    case "timeline":
      return toggleTimeline(cell);
    case "step":
      return stepThrough(cell);
    case "both":
      return runBoth(cell);
  }
}

// ---- timeline / step through ---------------------------------------------------------------

function timelineOf(cell: HTMLElement, state: CellState): CellTimeline {
  return (state.timeline ??= new CellTimeline(cell, state.data.timeline === true));
}

async function toggleTimeline(cell: HTMLElement): Promise<void> {
  const state = stateOf(cell);
  const timeline = timelineOf(cell, state);
  const mustRun = timeline.setOpen(!timeline.open);
  if (mustRun && !state.ts.run) await run(cell);
}

async function stepThrough(cell: HTMLElement): Promise<void> {
  const state = stateOf(cell);
  state.stepper ??= new CellStepper(cell, () => void stepThrough(cell));
  if (state.ts.run) {
    state.ts.run.controller.abort();
    await state.ts.run.done;
  }
  const control = state.stepper.begin();
  if (typeof control === "string") return;
  cell.querySelector<HTMLButtonElement>('[data-stepper] button[data-step="next"]')?.focus();
  await run(cell, { step: control });
}

// ---- runtime choice and badges -------------------------------------------------------------

/** The reader picked a runtime in the notebook bar; the runner remembers it ("auto" included). */
export function chooseRuntime(choice: RuntimeChoice): void {
  setPreferredRuntime(choice);
}

const RUNTIME_NAMES = { webcontainer: "WebContainer", worker: "in-page worker" } as const;

function badgeText(status: RuntimeStatus): string {
  const name = RUNTIME_NAMES[status.name];
  const why = status.reason ? `. ${status.reason}` : "";
  if (status.state === "booting") return `Runtime: ${name}, starting… (up to a few seconds)`;
  if (status.state === "ready") return `Runtime: ${name}${why}`;
  return `Runtime: none can run here${why}`;
}

let badgesWired = false;

function wireBadges(): void {
  if (badgesWired) return;
  badgesWired = true;
  onRuntimeStatus((status) => {
    const badge = document.querySelector<HTMLElement>("[data-runtime-badge]");
    if (!badge) return;
    badge.textContent = badgeText(status);
    badge.dataset.state = status.state;
    badge.toggleAttribute("data-fallback", status.name !== status.preferred);
  });
}

/** Warms the runner (a worker in reserve, the library fetched) while the reader reads. */
export function prewarm(): void {
  wireBadges();
  void prewarmRunner();
}

// ---- what a run shows, in either half --------------------------------------------------------

/** A half's code as the reader has it now: in the editor, else the saved edit, else ours. */
function codeOf(cell: HTMLElement, lang: Lang): string {
  const state = stateOf(cell);
  return state[lang].editor?.state.doc.toString() ?? loadEdit(editKey(cell, lang)) ?? originalCode(state, lang);
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

type Kind = "info" | "ok" | "bad" | "warn";

function setStatus(cell: HTMLElement, lang: Lang, text: string, kind: Kind = "info"): void {
  const status = part(cell, lang, "[data-status]");
  status.textContent = text;
  status.dataset.kind = kind;
}

/** Run and Stop swap roles while a run lasts; keyboard focus follows the enabled one. */
function setBusy(cell: HTMLElement, lang: Lang, busy: boolean): void {
  const [run, stop] = [button(cell, lang, "run"), button(cell, lang, "stop")];
  const focused = document.activeElement;
  run.disabled = busy;
  stop.disabled = !busy;
  panel(cell, lang).toggleAttribute("data-running", busy);
  if (lang === "ts") cell.toggleAttribute("data-running", busy);
  if (busy && focused === run) stop.focus();
  if (!busy && focused === stop) run.focus();
}

/** How a half's run ended: "match", "differs", "error", or (Python) "unavailable". */
function setResult(cell: HTMLElement, lang: Lang, result: string | undefined): void {
  const key = lang === "ts" ? "result" : "pythonResult";
  if (result === undefined) delete cell.dataset[key];
  else cell.dataset[key] = result;
}

function syntaxErrorText(error: unknown): string | null {
  const e = error as { name?: unknown; message?: unknown; line?: unknown; column?: unknown } | null;
  if (e?.name !== "SnippetSyntaxError" || typeof e.line !== "number") return null;
  return `Syntax error: ${String(e.message)}`;
}

function endText(result: RunResult, timeoutMs: number): { text: string; kind: "ok" | "bad" | "warn" } {
  const elapsed = formatSeconds(result.elapsedMs);
  if (result.reason === "stopped") return { text: `Stopped after ${elapsed}.`, kind: "warn" };
  if (result.reason === "timeout") {
    return {
      text: `Timed out: the cell ran past its ${formatSeconds(timeoutMs)} limit and was stopped. A loop that never yields to the event loop runs forever.`,
      kind: "bad",
    };
  }
  if (result.reason === "output-limit") {
    return { text: `Output truncated: the program printed too much and was stopped after ${elapsed}.`, kind: "warn" };
  }
  return { text: `Exited with code ${result.code ?? "none"} in ${elapsed}.`, kind: result.code === 0 ? "ok" : "bad" };
}

/** Where the output departed, for the status line ("" when it did not). */
function departureText(verdict: OutputVerdict): string {
  if (verdict.departedLine === undefined) return "";
  if (verdict.merged) return `line ${verdict.departedLine} of the output, stdout and stderr merged (marked)`;
  return `${verdict.departedStream} line ${verdict.departedLine} (marked)`;
}

/** The status once a run is over, from how it ended and how its output compared. */
function judged(result: RunResult, verdict: OutputVerdict, timeoutMs: number): { text: string; kind: Kind } {
  const end = endText(result, timeoutMs);
  const departure = departureText(verdict);
  if (result.syntaxError) return { text: `Syntax error: ${result.syntaxError.message}`, kind: "bad" };
  if (result.reason !== undefined) {
    // Cut short: why comes first; a departure before the cut is still worth knowing.
    return { text: departure ? `${end.text} It had departed from the expected output at ${departure}.` : end.text, kind: end.kind };
  }
  if (verdict.matches) return { text: `Matches the expected output. ${end.text}`, kind: end.kind };
  return { text: `Differs from the expected output at ${departure}. ${end.text}`, kind: "bad" };
}

/**
 * Ends the live output of a run: says so where the output cap stopped it, and judges it
 * whole only when the program ran to its end.
 */
function finishOutput(output: OutputView, result: RunResult): OutputVerdict {
  if (result.reason === "output-limit") output.notice("Output truncated: the program was stopped at the output limit.");
  return output.finish(result.reason === undefined && !result.syntaxError);
}

/** One run of one half as the reader sees it: busy buttons, the live log, the status and its clock. */
class RunDisplay {
  readonly log: HTMLElement;
  private readonly clock: HTMLElement;
  private readonly ticker: ReturnType<typeof setInterval>;
  private readonly started = performance.now();
  /** What the run is doing before the program runs ("Preparing…", a runtime's stage); "" once it runs. */
  doing = "Preparing…";

  constructor(
    private readonly cell: HTMLElement,
    private readonly lang: Lang,
  ) {
    setBusy(cell, lang, true);
    part(cell, lang, "[data-live]").hidden = false;
    setResult(cell, lang, undefined);
    this.log = part(cell, lang, "[data-log]");
    this.log.replaceChildren();
    // The clock ticks outside the live region, so it is not announced.
    this.clock = part(cell, lang, "[data-clock]");
    this.ticker = setInterval(() => (this.clock.textContent = formatSeconds(performance.now() - this.started)), 250);
    this.show();
  }

  /** Shows what the run is doing ("" once the program runs). */
  show(doing = this.doing): void {
    this.doing = doing;
    setStatus(this.cell, this.lang, doing || "Running…");
    if (this.lang === "ts") reportProgress(doing);
  }

  end(status: { text: string; kind: Kind }, result: string): void {
    clearInterval(this.ticker);
    this.clock.textContent = "";
    setStatus(this.cell, this.lang, status.text, status.kind);
    setResult(this.cell, this.lang, result);
    setBusy(this.cell, this.lang, false);
  }
}

/** Starts a half's run unless one is going; the run's own work is `body`. */
function startRun(
  cell: HTMLElement,
  lang: Lang,
  body: (display: RunDisplay, signal: AbortSignal) => Promise<{ status: { text: string; kind: Kind }; result: string; outcome: RunOutcome }>,
): Promise<RunOutcome> {
  const half = stateOf(cell)[lang];
  if (half.run) return half.run.done;
  const controller = new AbortController();
  const display = new RunDisplay(cell, lang);
  const done = body(display, controller.signal)
    .catch((error: unknown) => {
      const syntax = syntaxErrorText(error);
      const status =
        controller.signal.aborted && !syntax
          ? { text: "Stopped before it started.", kind: "warn" as const }
          : { text: syntax ?? `Could not run: ${(error as Error)?.message ?? String(error)}`, kind: "bad" as const };
      return { status, result: "error", outcome: { ran: false, stdout: "" } };
    })
    .then(({ status, result, outcome }) => {
      half.run = undefined;
      display.end(status, result);
      recordRun(location.pathname, cell.id, lang, result);
      return outcome;
    });
  half.run = { controller, done };
  return done;
}

/** Feeds a runtime's output events to the view, keeping stdout for Run both. */
function outputSink(output: OutputView, display: RunDisplay, outcome: RunOutcome): (event: RunEvent) => void {
  return (event) => {
    if (event.type === "status") display.show(event.text);
    else if (event.type === "stdout" || event.type === "stderr") {
      if (event.type === "stdout") outcome.stdout += event.text;
      output.write(event.type, event.text);
    }
  };
}

// ---- the TypeScript half -------------------------------------------------------------------

function run(cell: HTMLElement, options: RunOptions = {}): Promise<RunOutcome> {
  const state = stateOf(cell);
  if (state.ts.run) return state.ts.run.done;
  wireBadges();
  const timeline = timelineOf(cell, state);
  const stepping = options.step !== undefined;
  timeline.start(stepping || timeline.wanted);
  const badge = part(cell, "ts", "[data-badge]");

  return startRun(cell, "ts", async (display, signal) => {
    let output: OutputView | undefined;
    let started = false;
    const unwatch = onRuntimeStatus((status) => {
      if (status.state === "booting" && !started) display.show("Starting the WebContainer (Node.js in the browser)…");
    });
    try {
      const files = await prepareFiles({ code: codeOf(cell, "ts"), files: state.data.files, compiled: state.data.compiled });
      signal.throwIfAborted();
      const runtime: Runtime = await getRuntime(signal, { step: stepping });
      signal.throwIfAborted();
      started = true;
      unwatch();
      output = new OutputView(display.log, state.data.expected, state.data.expectedStderr, { mergedStderr: runtime.mergesStderr === true });
      badge.textContent = RUNTIME_NAMES[runtime.name as keyof typeof RUNTIME_NAMES];
      badge.dataset.state = "ready";
      display.show("");
      const outcome: RunOutcome = { ran: true, stdout: "" };
      const sink = outputSink(output, display, outcome);
      const timeoutMs = stepping ? STEPPING_TIMEOUT_MS : state.data.timeoutMs;
      const request: RunRequest = {
        files,
        entry: ENTRY,
        timeoutMs,
        signal,
        ...(stepping || timeline.wanted ? { record: true } : {}),
        ...(options.step ? { step: options.step } : {}),
      };
      const result = await runtime.run(request, (event) => {
        if (event.type === "timeline") timeline.add(event.events);
        else if (event.type === "paused") {
          output!.flush();
          state.stepper?.show(event.snapshot);
        } else sink(event);
      });
      timeline.finish();
      if (stepping) state.stepper?.ended(endText(result, STEPPING_TIMEOUT_MS).text);
      const verdict = finishOutput(output, result);
      return { status: judged(result, verdict, state.data.timeoutMs), result: verdict.matches ? "match" : "differs", outcome };
    } catch (error) {
      output?.finish(false);
      if (stepping) state.stepper?.ended("The program did not start.");
      throw error;
    } finally {
      unwatch();
    }
  });
}

// ---- the Python half -----------------------------------------------------------------------

/** CPython's stderr is not recorded (tracebacks name paths and vary): any is accepted. */
const ANY_STDERR = "…";

function runPython(cell: HTMLElement): Promise<RunOutcome> {
  const state = stateOf(cell);
  const python = state.data.python!;
  return startRun(cell, "py", async (display, signal) => {
    const code = codeOf(cell, "py");
    const runner = await import("../runner/python/index.ts");
    signal.throwIfAborted();
    const cannot = runner.pythonUnavailable() ?? cannotRunWhy(runner.classifyPython(code));
    if (cannot !== undefined) {
      const status = { text: `${cannot} The expected output above is what CPython printed.`, kind: "warn" as const };
      return { status, result: "unavailable", outcome: { ran: false, stdout: "" } };
    }
    const output = new OutputView(display.log, python.expected, ANY_STDERR);
    const outcome: RunOutcome = { ran: true, stdout: "" };
    try {
      const result = await runner.pythonRuntime().run(
        { files: runner.pythonFiles(code), entry: runner.PYTHON_ENTRY, timeoutMs: state.data.timeoutMs, signal },
        outputSink(output, display, outcome),
      );
      const verdict = finishOutput(output, result);
      return { status: judged(result, verdict, state.data.timeoutMs), result: result.syntaxError ? "error" : verdict.matches ? "match" : "differs", outcome };
    } catch (error) {
      output.finish(false);
      throw error;
    }
  });
}

function cannotRunWhy(verdict: PythonVerdict): string | undefined {
  if (verdict.runnable) return undefined;
  const first = verdict.obstacles[0]!;
  return `This program cannot run in your browser: ${verdict.reason} (line ${first.line}: ${first.found}).`;
}

// ---- run both ------------------------------------------------------------------------------

/** Runs both halves at once, then shows their stdout side by side, line by line. */
async function runBoth(cell: HTMLElement): Promise<void> {
  const state = stateOf(cell);
  const python = state.data.python!;
  const region = cell.querySelector<HTMLElement>("[data-both]")!;
  const status = region.querySelector<HTMLElement>("[data-both-status]")!;
  region.hidden = false;
  status.dataset.kind = "info";
  status.textContent = "Running the TypeScript and the Python…";
  for (const lang of ["ts", "py"] as const) button(cell, lang, "both").disabled = true;
  try {
    const [ts, py] = await Promise.all([run(cell), runPython(cell)]);
    // Where the Python cannot run here, CPython's recording stands in for it.
    const pythonOut = py.ran ? py.stdout : python.recorded;
    showSideBySide(region, { ts: ts.ran ? ts.stdout : "", python: pythonOut, declaration: python.declaration, pythonRecorded: !py.ran, tsRan: ts.ran });
  } finally {
    for (const lang of ["ts", "py"] as const) button(cell, lang, "both").disabled = false;
  }
}

function stop(cell: HTMLElement, lang: Lang): void {
  stateOf(cell)[lang].run?.controller.abort();
}

// ---- edit / reset / copy -------------------------------------------------------------------

function originalCode(state: CellState, lang: Lang): string {
  return lang === "ts" ? state.data.code : state.data.python!.code;
}

/**
 * Opens a half's editor (once) with the reader's saved edit, else our code; `shared` opens it
 * with a share link's code instead, which is not saved until the reader changes it.
 */
async function edit(cell: HTMLElement, lang: Lang, focus: boolean, shared?: string): Promise<void> {
  const state = stateOf(cell);
  const half = state[lang];
  const { openEditor } = await import("./cell-editor.ts");
  // After the await: a restore of the saved edit may have opened the editor meanwhile.
  if (shared !== undefined && half.editor) closeEditor(cell, lang);
  if (!half.editor) {
    const host = part(cell, lang, "[data-editor]");
    const key = editKey(cell, lang);
    half.editor = openEditor(host, {
      code: shared ?? loadEdit(key) ?? originalCode(state, lang),
      language: lang === "ts" ? "typescript" : "python",
      label: lang === "ts" ? `Code of ${cell.id}, editable` : `Python code of ${cell.id}, editable`,
      onChange: (code) => {
        saveEdit(key, code);
        markEdited(cell, lang, true);
      },
      onRun: () => void (lang === "ts" ? run(cell) : runPython(cell)),
    });
    part(cell, lang, "[data-code]").hidden = true;
    host.hidden = false;
    markEdited(cell, lang, shared !== undefined || loadEdit(key) !== null);
  }
  if (focus) half.editor.focus();
}

function closeEditor(cell: HTMLElement, lang: Lang): void {
  const half = stateOf(cell)[lang];
  half.editor?.destroy();
  half.editor = undefined;
  const host = part(cell, lang, "[data-editor]");
  host.replaceChildren();
  host.hidden = true;
  part(cell, lang, "[data-code]").hidden = false;
}

function markEdited(cell: HTMLElement, lang: Lang, edited: boolean): void {
  button(cell, lang, "reset").disabled = !edited;
  panel(cell, lang).toggleAttribute("data-edited", edited);
  if (lang === "ts") cell.toggleAttribute("data-edited", edited);
}

function reset(cell: HTMLElement, lang: Lang): void {
  clearEdit(editKey(cell, lang));
  closeEditor(cell, lang);
  markShared(cell, lang, false);
  markEdited(cell, lang, false);
  button(cell, lang, "edit").focus();
  setStatus(cell, lang, "Reset to the original code.");
}

async function copy(cell: HTMLElement, lang: Lang): Promise<void> {
  const code = codeOf(cell, lang);
  try {
    await navigator.clipboard.writeText(code);
    setStatus(cell, lang, "Code copied to the clipboard.", "ok");
  } catch {
    setStatus(cell, lang, "Could not copy (the browser refused clipboard access): select the code and copy it by hand.", "warn");
  }
  part(cell, lang, "[data-live]").hidden = false;
}

// ---- share -----------------------------------------------------------------------------------

/** Makes a link that carries this half's current code, copies it, and shows it in the "Share link" field. */
async function share(cell: HTMLElement, lang: Lang): Promise<void> {
  const code = codeOf(cell, lang);
  const { shareFragment } = await import("../share/link.ts");
  part(cell, lang, "[data-live]").hidden = false;
  let link: string;
  try {
    const url = new URL(location.href);
    url.hash = await shareFragment({ cellId: cell.id, lang, code });
    link = url.href;
  } catch (error) {
    setStatus(cell, lang, `Could not make a share link: ${(error as Error).message}.`, "bad");
    return;
  }
  const box = part(cell, lang, "[data-share]");
  const field = part<HTMLInputElement>(cell, lang, "[data-share-link]");
  field.value = link;
  box.hidden = false;
  field.focus();
  field.select();
  try {
    await navigator.clipboard.writeText(link);
    setStatus(cell, lang, "Share link copied to the clipboard. Whoever opens it sees this code in this cell; it runs only when they press Run.", "ok");
  } catch {
    setStatus(cell, lang, "The browser refused clipboard access: copy the share link from the field.", "warn");
  }
}

function markShared(cell: HTMLElement, lang: Lang, shared: boolean): void {
  panel(cell, lang).toggleAttribute("data-shared", shared);
  const note = part(cell, lang, "[data-shared-note]");
  note.hidden = !shared;
  note.textContent = shared
    ? "Shared code, from the link you opened: it has not run. Press Run when you have read it; Reset brings back this chapter's code."
    : "";
}

/**
 * Opens a share link's code (the page's `#share/…` fragment) in its cell, marked as shared and
 * not run. A link this page cannot use says why at the top of the chapter.
 */
export async function openShared(hash: string): Promise<void> {
  const { readShareFragment } = await import("../share/link.ts");
  let shared;
  try {
    shared = await readShareFragment(hash);
  } catch (error) {
    return shareProblem(`This share link could not be opened: ${(error as Error).message}.`);
  }
  const cell = document.getElementById(shared.cellId);
  if (!cell?.matches("[data-cell]") || !cell.querySelector(`[data-panel="${shared.lang}"]`)) {
    return shareProblem(`This share link is for a cell (${shared.cellId}${shared.lang === "py" ? ", Python" : ""}) this page does not have: it may be from another chapter or an older edition.`);
  }
  if (shared.lang === "py") cell.querySelector<HTMLElement>('[role="tab"][aria-controls$="-py"]')?.click();
  await edit(cell, shared.lang, false, shared.code);
  markShared(cell, shared.lang, true);
  cell.scrollIntoView({ block: "start" });
  button(cell, shared.lang, "run").focus({ preventScroll: true });
}

function shareProblem(text: string): void {
  const notice = document.createElement("p");
  notice.className = "share-problem";
  notice.setAttribute("role", "alert");
  notice.textContent = text;
  (document.querySelector("article") ?? document.body).prepend(notice);
}

// ---- run all -------------------------------------------------------------------------------

/** While Run all runs: where it reports, and what it is doing ("Running cell-3 (3 of 7)"). */
let allProgress: { element: HTMLElement; doing: string } | null = null;

/** Slow stages (WebContainer boot, mount) show in Run all's progress as well as in the cell. */
function reportProgress(detail: string): void {
  if (allProgress) allProgress.element.textContent = detail ? `${allProgress.doing}: ${detail}` : `${allProgress.doing}…`;
}

/** Runs every cell of the page in order, showing progress in the notebook bar. */
export async function runAll(trigger: HTMLButtonElement): Promise<void> {
  if (trigger.getAttribute("aria-disabled") === "true") return;
  const cells = [...document.querySelectorAll<HTMLElement>("[data-cell]")];
  const progress = document.querySelector<HTMLElement>("[data-progress]")!;
  const bar = progress.querySelector<HTMLProgressElement>("[data-progress-bar]")!;
  const text = progress.querySelector<HTMLElement>("[data-progress-text]")!;
  // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
  trigger.setAttribute("aria-disabled", "true");
  progress.hidden = false;
  bar.max = cells.length;
  let matched = 0;
  try {
    for (const [index, cell] of cells.entries()) {
      bar.value = index;
      allProgress = { element: text, doing: `Running ${cell.id} (${index + 1} of ${cells.length})` };
      text.textContent = `${allProgress.doing}…`;
      await run(cell);
      if (cell.dataset.result === "match") matched++;
    }
    bar.value = cells.length;
    allProgress = null;
    text.textContent = `Ran ${cells.length} cells: ${matched} matched the expected output.`;
  } finally {
    allProgress = null;
    trigger.removeAttribute("aria-disabled");
  }
}
