/**
 * What the cell buttons do, loaded on first use (or when the browser is idle) by
 * `cell-client.ts`: running a cell through the runner, Stop, the editor, Reset, Copy, Run all,
 * and the runtime badges. Holds no runtime logic of its own: that is `src/runner/`.
 */
import {
  ENTRY,
  getRuntime,
  getWorkerRuntime,
  onRuntimeStatus,
  prepareFiles,
  prewarm as prewarmRunner,
  setPreferredRuntime,
  type RuntimeStatus,
} from "../runner/index.ts";
import type { RunResult } from "../runner/runtime.ts";
import type { EditorView } from "@codemirror/view";
import { readCellData, type CellData } from "./cell-data.ts";
import { clearEdit, loadEdit, saveEdit } from "./edit-store.ts";
import { OutputView, type OutputVerdict } from "./output-view.ts";
import type { RuntimeChoice } from "./runtime-choice.ts";
import { CellTimeline } from "./cell-timeline.ts";
import { CellStepper } from "./cell-stepper.ts";

/** What a cell button does (its `data-action`). */
export type Action = "run" | "stop" | "edit" | "reset" | "copy" | "restore" | "timeline" | "step";

interface CellState {
  data: CellData;
  editor?: EditorView;
  /** The run in progress, if any. */
  run?: { controller: AbortController; done: Promise<void> };
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
    state = { data: readCellData(cell) };
    states.set(cell, state);
  }
  return state;
}

function part<T extends HTMLElement = HTMLElement>(cell: HTMLElement, selector: string): T {
  return cell.querySelector<T>(selector)!;
}

function button(cell: HTMLElement, action: Action): HTMLButtonElement {
  return part<HTMLButtonElement>(cell, `button[data-action="${action}"]`);
}

/** Performs a cell button's action; resolves when it is done (for Run: when the run ended). */
export async function perform(cell: HTMLElement, action: Action): Promise<void> {
  switch (action) {
    case "run":
      return run(cell);
    case "stop":
      return stop(cell);
    case "edit":
      return edit(cell, true);
    case "restore":
      return edit(cell, false);
    case "reset":
      return reset(cell);
    case "copy":
      return copy(cell);
    case "timeline":
      return toggleTimeline(cell);
    case "step":
      return stepThrough(cell);
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
  if (mustRun && !state.run) await run(cell);
}

async function stepThrough(cell: HTMLElement): Promise<void> {
  const state = stateOf(cell);
  state.stepper ??= new CellStepper(cell, () => void stepThrough(cell));
  if (state.run) {
    state.run.controller.abort();
    await state.run.done;
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

// ---- run / stop ----------------------------------------------------------------------------

function currentCode(cell: HTMLElement, state: CellState): string | null {
  if (state.editor) return state.editor.state.doc.toString();
  return loadEdit(cell.id);
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function setStatus(cell: HTMLElement, text: string, kind: "info" | "ok" | "bad" | "warn" = "info"): void {
  const status = part(cell, "[data-status]");
  status.textContent = text;
  status.dataset.kind = kind;
}

/** Run and Stop swap roles while a run lasts; keyboard focus follows the enabled one. */
function setBusy(cell: HTMLElement, busy: boolean): void {
  const [run, stop] = [button(cell, "run"), button(cell, "stop")];
  const focused = document.activeElement;
  run.disabled = busy;
  stop.disabled = !busy;
  cell.toggleAttribute("data-running", busy);
  if (busy && focused === run) stop.focus();
  if (!busy && focused === stop) run.focus();
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

async function run(cell: HTMLElement, options: RunOptions = {}): Promise<void> {
  const state = stateOf(cell);
  if (state.run) return state.run.done;
  wireBadges();
  const timeline = timelineOf(cell, state);
  const stepping = options.step !== undefined;
  const record = stepping || timeline.wanted;
  timeline.start(record);

  const controller = new AbortController();
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  state.run = { controller, done };
  setBusy(cell, true);

  const live = part(cell, "[data-live]");
  live.hidden = false;
  delete cell.dataset.result;
  const log = part(cell, "[data-log]");
  log.replaceChildren();
  // Made once the runtime is known: whether it merges stderr into stdout changes the comparison.
  let view: OutputView | undefined;
  const badge = part(cell, "[data-badge]");
  const started = performance.now();
  // The status says what the run is doing ("Starting the WebContainer…", a runtime's stage,
  // "Running…"); beside it a clock ticks, outside the live region so it is not announced.
  const clock = part(cell, "[data-clock]");
  let doing = "Preparing…";
  let running = false;
  const show = () => {
    setStatus(cell, running && !doing ? "Running…" : doing);
    reportProgress(running && !doing ? "" : doing);
  };
  show();
  const ticker = setInterval(() => {
    clock.textContent = formatSeconds(performance.now() - started);
  }, 250);
  const unwatch = onRuntimeStatus((status) => {
    if (status.state === "booting" && !running) {
      doing = "Starting the WebContainer (Node.js in the browser)…";
      show();
    }
  });

  try {
    const edited = currentCode(cell, state);
    const files = await prepareFiles({ code: edited ?? state.data.code, files: state.data.files, compiled: state.data.compiled });
    controller.signal.throwIfAborted();
    // Step through pauses a worker; the WebContainer's node cannot be paused from the page.
    const runtime = stepping ? getWorkerRuntime() : await getRuntime(controller.signal);
    controller.signal.throwIfAborted();
    unwatch();
    const output = new OutputView(log, state.data.expected, state.data.expectedStderr, { mergedStderr: runtime.mergesStderr === true });
    view = output;
    badge.textContent = RUNTIME_NAMES[runtime.name];
    badge.dataset.state = "ready";
    running = true;
    doing = "";
    show();
    const result = await runtime.run(
      {
        files,
        entry: ENTRY,
        timeoutMs: stepping ? STEPPING_TIMEOUT_MS : state.data.timeoutMs,
        signal: controller.signal,
        ...(record ? { record: true } : {}),
        ...(options.step ? { step: options.step } : {}),
      },
      (event) => {
        if (event.type === "status") {
          doing = event.text;
          show();
        } else if (event.type === "timeline") {
          timeline.add(event.events);
        } else if (event.type === "paused") {
          output.flush();
          state.stepper?.show(event.snapshot);
        } else output.write(event.type, event.text);
      },
    );
    timeline.finish();
    if (stepping) state.stepper?.ended(endText(result, STEPPING_TIMEOUT_MS).text);
    if (result.reason === "output-limit") output.notice("Output truncated: the program was stopped at the output limit.");
    const verdict = output.finish(result.reason === undefined);
    const end = endText(result, state.data.timeoutMs);
    const departure = departureText(verdict);
    if (result.reason !== undefined) {
      // Cut short: why comes first; a departure before the cut is still worth knowing.
      setStatus(cell, departure ? `${end.text} It had departed from the expected output at ${departure}.` : end.text, end.kind);
    } else if (verdict.matches) {
      setStatus(cell, `Matches the expected output. ${end.text}`, end.kind);
    } else {
      setStatus(cell, `Differs from the expected output at ${departure}. ${end.text}`, "bad");
    }
    cell.dataset.result = verdict.matches ? "match" : "differs";
  } catch (error) {
    view?.finish(false);
    const syntax = syntaxErrorText(error);
    if (controller.signal.aborted && !syntax) setStatus(cell, "Stopped before it started.", "warn");
    else setStatus(cell, syntax ?? `Could not run: ${(error as Error)?.message ?? String(error)}`, "bad");
    if (stepping) state.stepper?.ended("The program did not start.");
    cell.dataset.result = "error";
  } finally {
    clearInterval(ticker);
    clock.textContent = "";
    unwatch();
    state.run = undefined;
    setBusy(cell, false);
    finish();
  }
}

function stop(cell: HTMLElement): void {
  stateOf(cell).run?.controller.abort();
}

// ---- edit / reset / copy -------------------------------------------------------------------

async function edit(cell: HTMLElement, focus: boolean): Promise<void> {
  const state = stateOf(cell);
  if (!state.editor) {
    const { openEditor } = await import("./cell-editor.ts");
    if (state.editor) return;
    const host = part(cell, "[data-editor]");
    state.editor = openEditor(host, {
      code: loadEdit(cell.id) ?? state.data.code,
      label: `Code of ${cell.id}, editable`,
      onChange: (code) => {
        saveEdit(cell.id, code);
        markEdited(cell, true);
      },
      onRun: () => void run(cell),
    });
    part(cell, "[data-code]").hidden = true;
    host.hidden = false;
    markEdited(cell, loadEdit(cell.id) !== null);
  }
  if (focus) state.editor.focus();
}

function markEdited(cell: HTMLElement, edited: boolean): void {
  button(cell, "reset").disabled = !edited;
  cell.toggleAttribute("data-edited", edited);
}

function reset(cell: HTMLElement): void {
  const state = stateOf(cell);
  clearEdit(cell.id);
  state.editor?.destroy();
  state.editor = undefined;
  const host = part(cell, "[data-editor]");
  host.replaceChildren();
  host.hidden = true;
  part(cell, "[data-code]").hidden = false;
  markEdited(cell, false);
  button(cell, "edit").focus();
  setStatus(cell, "Reset to the original code.");
}

async function copy(cell: HTMLElement): Promise<void> {
  const state = stateOf(cell);
  const code = currentCode(cell, state) ?? state.data.code;
  try {
    await navigator.clipboard.writeText(code);
    setStatus(cell, "Code copied to the clipboard.", "ok");
  } catch {
    setStatus(cell, "Could not copy (the browser refused clipboard access): select the code and copy it by hand.", "warn");
  }
  part(cell, "[data-live]").hidden = false;
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
