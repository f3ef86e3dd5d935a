/**
 * What the cell buttons do, loaded on first use (or when the browser is idle) by
 * `cell-client.ts`: running either half of a cell, Stop, the editor, Reset, Copy, Run both,
 * Run all, and the runtime badges. A run itself (runtime, files, judgement) is the notebook's
 * (`src/notebook/run.ts`): this module shows what it reports and how it ended.
 */
import { onRuntimeStatus, prewarm as prewarmRunner, setPreferredRuntime, type RuntimeStatus } from "../runner/index.ts";
import {
  RunSlot,
  STEPPING_TIMEOUT_MS,
  describeCell,
  endText,
  formatSeconds,
  prewarmPython as startPython,
  ranOf,
  resultName,
  runCell,
  type Cell,
  type CellOutcome,
  type Half,
  type ResultName,
  type RunUpdate,
  type Tone,
} from "../notebook/index.ts";
import type { EditorView } from "@codemirror/view";
import { readCell } from "./cell-data.ts";
import { clearEdit, editName, loadEdit, saveEdit } from "./edit-store.ts";
import { OutputView } from "./output-view.ts";
import type { RuntimeChoice } from "./runtime-choice.ts";
import { CellTimeline } from "./cell-timeline.ts";
import { CellStepper } from "./cell-stepper.ts";
import { showSideBySide, showTimelines } from "./side-by-side-view.ts";
import { recordRun } from "../progress/cells-run.ts";
import type { CellPredict } from "./cell-predict.ts";

/** What a cell button does (its `data-action`). */
export type Action = "run" | "stop" | "edit" | "reset" | "copy" | "share" | "restore" | "timeline" | "step" | "both" | "predict" | "reveal";

interface HalfState {
  editor?: EditorView;
  /** Its run: one at a time. */
  run: RunSlot<CellOutcome>;
  timeline?: CellTimeline;
  stepper?: CellStepper;
}

interface CellState {
  data: Cell;
  ts: HalfState;
  py: HalfState;
  /** The Predict step, once opened (./cell-predict.ts, loaded then). */
  predict?: CellPredict;
  /**
   * The Timeline and Step through markup as the page came, copied before any run fills it:
   * the Python half gets its own views from it on first use (see {@link viewsOf}).
   */
  blank: Element[];
}

/** How a run is made: plain, or stepped (Step through). */
interface RunOptions {
  /** Step through's control buffer. */
  step?: SharedArrayBuffer;
  /** Record the Timeline whether or not its view is open (Run both, for a cell with one). */
  record?: boolean;
}

const states = new WeakMap<HTMLElement, CellState>();

function stateOf(cell: HTMLElement): CellState {
  let state = states.get(cell);
  if (!state) {
    const blank = [...cell.querySelectorAll('[data-panel="ts"] > [data-timeline], [data-panel="ts"] > [data-stepper]')].map((view) => view.cloneNode(true) as Element);
    state = { data: readCell(cell), ts: { run: new RunSlot() }, py: { run: new RunSlot() }, blank };
    states.set(cell, state);
  }
  return state;
}

function panel(cell: HTMLElement, lang: Half): HTMLElement {
  return cell.querySelector<HTMLElement>(`[data-panel="${lang}"]`)!;
}

/** A part of one half: its controls, code, editor, live output and status are its own. */
function part<T extends HTMLElement = HTMLElement>(cell: HTMLElement, lang: Half, selector: string): T {
  return panel(cell, lang).querySelector<T>(selector)!;
}

function button(cell: HTMLElement, lang: Half, action: Action): HTMLButtonElement {
  return part<HTMLButtonElement>(cell, lang, `button[data-action="${action}"]`);
}

function editKey(cell: HTMLElement, lang: Half): string {
  return editName(cell.id, lang);
}

/** Performs a button's action on one half; resolves when it is done (for Run: when the run ended). */
export async function perform(cell: HTMLElement, action: Action, lang: Half = "ts"): Promise<void> {
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
      return toggleTimeline(cell, lang);
    case "step":
      return stepThrough(cell, lang);
    case "both":
      return runBoth(cell);
    case "predict":
      return predict(cell);
    case "reveal":
      return reveal(cell, lang);
  }
}

// ---- predict, then run -----------------------------------------------------------------------

async function predict(cell: HTMLElement): Promise<void> {
  const state = stateOf(cell);
  if (!state.predict) {
    const { CellPredict } = await import("./cell-predict.ts");
    state.predict ??= new CellPredict(cell, state.data, location.pathname, {
      run: () => void run(cell),
      showLine: (line) => void showPrintedLine(cell, line),
    });
  }
  state.predict.open();
}

/** The Timeline at the task that printed stdout line `line`: the grading run recorded it. */
async function showPrintedLine(cell: HTMLElement, line: number): Promise<void> {
  const timeline = timelineOf(cell, stateOf(cell), "ts");
  if (!(await timeline.showLine(line))) await toggleTimeline(cell, "ts");
}

/** Shows a Predict cell's expected output (hidden on screen until then, or until a run). */
function reveal(cell: HTMLElement, lang: Half): void {
  cell.toggleAttribute("data-revealed", true);
  const expected = part(cell, lang, "[data-expected]");
  expected.tabIndex = -1;
  expected.focus();
}

// ---- timeline / step through ---------------------------------------------------------------

/**
 * The half's panel, holding its Timeline and Step through views. The TypeScript half's are in
 * the page; the Python half's are made on first use, from the blank copy taken before any run,
 * with ids of their own ("cell-py-timeline"), so the page carries one set until a reader asks.
 */
function viewsOf(cell: HTMLElement, state: CellState, lang: Half): HTMLElement {
  const root = panel(cell, lang);
  if (lang === "ts" || root.querySelector(":scope > [data-timeline]")) return root;
  const own = (value: string): string => value.replaceAll(`${cell.id}-`, `${cell.id}-py-`);
  const views = state.blank.map((view) => view.cloneNode(true) as Element);
  for (const view of views) {
    for (const element of [view, ...view.querySelectorAll("*")]) {
      for (const name of ["id", "for", "aria-controls", "aria-labelledby", "aria-describedby"]) {
        const value = element.getAttribute(name);
        if (value !== null) element.setAttribute(name, own(value));
      }
    }
    const group = view.querySelector('[role="group"]');
    group?.setAttribute("aria-label", `Step through the Python of ${cell.id}`);
  }
  root.querySelector(":scope > [data-live]")!.after(...views);
  const timeline = views.find((view) => view.hasAttribute("data-timeline"));
  const stepper = views.find((view) => view.hasAttribute("data-stepper"));
  if (timeline) root.querySelector('[data-controls] button[data-action="timeline"]')?.setAttribute("aria-controls", timeline.id);
  if (stepper) root.querySelector('[data-controls] button[data-action="step"]')?.setAttribute("aria-controls", stepper.id);
  return root;
}

function timelineOf(cell: HTMLElement, state: CellState, lang: Half): CellTimeline {
  const half = state[lang];
  if (lang === "ts") return (half.timeline ??= new CellTimeline(viewsOf(cell, state, lang), cell.id, state.data.timeline === true, cell.id));
  return (half.timeline ??= new CellTimeline(viewsOf(cell, state, lang), `the Python of ${cell.id}`, false));
}

async function toggleTimeline(cell: HTMLElement, lang: Half): Promise<void> {
  const state = stateOf(cell);
  const timeline = timelineOf(cell, state, lang);
  const mustRun = timeline.setOpen(!timeline.open);
  if (mustRun && !state[lang].run.running) await runHalf(cell, lang);
}

async function stepThrough(cell: HTMLElement, lang: Half): Promise<void> {
  const state = stateOf(cell);
  const half = state[lang];
  const root = viewsOf(cell, state, lang);
  const timeline = timelineOf(cell, state, lang); // a stepped run is recorded: the why-view of a task reads it
  half.stepper ??= new CellStepper(
    root,
    lang === "ts" ? cell.id : `${cell.id}-py`,
    lang === "ts" ? "snippet.ts" : "main.py",
    () => void stepThrough(cell, lang),
    (line) => highlightLine(cell, lang, line),
    () => timeline.timeline,
  );
  if (half.run.running) {
    half.run.stop();
    await half.run.done;
  }
  const control = half.stepper.begin();
  if (typeof control === "string") return;
  root.querySelector<HTMLButtonElement>('[data-stepper] button[data-step="next"]')?.focus();
  await runHalf(cell, lang, { step: control });
}

/**
 * Marks the line about to run in the half's code: in its editor when one is open (a CodeMirror
 * line decoration), else in the highlighted code. Not by colour alone: outlined, marked
 * `aria-current="step"`, and the step panel names the line.
 */
function highlightLine(cell: HTMLElement, lang: Half, line: number | null): void {
  const root = panel(cell, lang);
  for (const old of root.querySelectorAll("[data-code] .step-line")) {
    old.classList.remove("step-line");
    old.removeAttribute("aria-current");
  }
  const editor = stateOf(cell)[lang].editor;
  if (editor) {
    void import("./cell-editor.ts").then(({ markStepLine }) => markStepLine(editor, line));
    return;
  }
  if (line === null) return;
  const element = root.querySelectorAll<HTMLElement>("[data-code] pre code .line")[line - 1];
  if (!element) return;
  element.classList.add("step-line");
  element.setAttribute("aria-current", "step");
  element.scrollIntoView({ block: "nearest" });
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

let pythonWanted = false;

/** The reader showed interest in Python: start loading it (once per page). */
export function prewarmPython(): void {
  if (pythonWanted) return;
  pythonWanted = true;
  void startPython();
}

// ---- what a run shows, in either half --------------------------------------------------------

/** A half's code as the reader has it now: in the editor, else the saved edit, else ours. */
function codeOf(cell: HTMLElement, lang: Half): string {
  const state = stateOf(cell);
  return state[lang].editor?.state.doc.toString() ?? loadEdit(editKey(cell, lang)) ?? originalCode(state, lang);
}

function setStatus(cell: HTMLElement, lang: Half, text: string, kind: Tone = "info"): void {
  const status = part(cell, lang, "[data-status]");
  status.textContent = text;
  status.dataset.kind = kind;
}

/** Run and Stop swap roles while a run lasts; keyboard focus follows the enabled one. */
function setBusy(cell: HTMLElement, lang: Half, busy: boolean): void {
  const [run, stop] = [button(cell, lang, "run"), button(cell, lang, "stop")];
  const focused = document.activeElement;
  run.disabled = busy;
  stop.disabled = !busy;
  panel(cell, lang).toggleAttribute("data-running", busy);
  if (lang === "ts") cell.toggleAttribute("data-running", busy);
  if (busy && focused === run) stop.focus();
  if (!busy && focused === stop) run.focus();
}

/** How a half's last run ended ("match", "differs", "error", "unavailable"), for styles and tests. */
function setResult(cell: HTMLElement, lang: Half, result: ResultName | undefined): void {
  const key = lang === "ts" ? "result" : "pythonResult";
  if (result === undefined) delete cell.dataset[key];
  else cell.dataset[key] = result;
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
    private readonly lang: Half,
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

  end(status: { text: string; tone: Tone }, result: ResultName): void {
    clearInterval(this.ticker);
    this.clock.textContent = "";
    setStatus(this.cell, this.lang, status.text, status.tone);
    setResult(this.cell, this.lang, result);
    setBusy(this.cell, this.lang, false);
  }
}

/**
 * Runs one half through the notebook's one run, unless it is running already, and shows what
 * the run reports: its stages, its judged lines, the Timeline and Step through's pauses, and
 * how it ended. Resolves with the outcome.
 */
function runHalf(cell: HTMLElement, lang: Half, options: RunOptions = {}): Promise<CellOutcome> {
  const state = stateOf(cell);
  const slot = state[lang].run;
  if (slot.running) return slot.done!;
  if (lang === "ts") wireBadges();
  const stepping = options.step !== undefined;
  // The Python half's Timeline exists once the reader asked for it (Timeline, Step through, Run both).
  const timeline = lang === "ts" || options.record ? timelineOf(cell, state, lang) : state.py.timeline;
  // A run that grades a prediction is recorded, so the Timeline can show who printed what.
  const predicting = lang === "ts" && !stepping && state.predict?.waiting === true;
  const record = timeline !== undefined && (timeline.wanted || predicting || options.record === true);
  timeline?.start(stepping || record);
  const badge = lang === "ts" ? part(cell, "ts", "[data-badge]") : undefined;

  return slot.start(async (signal) => {
    const display = new RunDisplay(cell, lang);
    let output: OutputView | undefined;
    let mergesStderr = false;
    const show = (update: RunUpdate): void => {
      switch (update.type) {
        case "doing":
          return display.show(update.text);
        case "started":
          mergesStderr = update.mergesStderr;
          output = new OutputView(display.log, { mergedStderr: update.mergesStderr, expectsStderr: lang === "ts" && (state.data.expectedStderr ?? "") !== "" });
          if (badge) {
            badge.textContent = RUNTIME_NAMES[update.runtime as keyof typeof RUNTIME_NAMES];
            badge.dataset.state = "ready";
          }
          return;
        case "lines":
          return output?.show(update.lines);
        case "truncated":
          return output?.notice("Output truncated: the program was stopped at the output limit.");
        case "timeline":
          return timeline?.add(update.events);
        case "paused":
          output?.flush();
          return state[lang].stepper?.show(update.snapshot);
      }
    };
    const code = codeOf(cell, lang);
    const outcome = await runCell({
      cell: state.data,
      half: lang,
      code,
      signal,
      onUpdate: show,
      ...(record ? { record: true } : {}),
      ...(options.step ? { step: options.step } : {}),
    });
    const ran = ranOf(outcome);
    if (ran) timeline?.finish();
    output?.end("verdict" in outcome ? outcome.verdict : undefined);
    if (stepping) state[lang].stepper?.ended(ran ? endText(ran.result, STEPPING_TIMEOUT_MS).text : "The program did not start.");
    const result = resultName(outcome);
    display.end(describeCell(outcome, state.data.timeoutMs), result);
    recordRun(location.pathname, cell.id, lang, result);
    cell.toggleAttribute("data-revealed", true);
    if (predicting) state.predict?.graded(outcome, mergesStderr, code !== state.data.code);
    return outcome;
  });
}

// ---- the two halves ------------------------------------------------------------------------

function run(cell: HTMLElement, options: RunOptions = {}): Promise<CellOutcome> {
  return runHalf(cell, "ts", options);
}

function runPython(cell: HTMLElement): Promise<CellOutcome> {
  return runHalf(cell, "py");
}

// ---- run both ------------------------------------------------------------------------------

/** Runs both halves at once, then shows their stdout side by side, line by line. */
async function runBoth(cell: HTMLElement): Promise<void> {
  const state = stateOf(cell);
  const region = cell.querySelector<HTMLElement>("[data-both]")!;
  const status = region.querySelector<HTMLElement>("[data-both-status]")!;
  region.hidden = false;
  status.dataset.kind = "info";
  status.textContent = "Running the TypeScript and the Python…";
  for (const lang of ["ts", "py"] as const) button(cell, lang, "both").disabled = true;
  // A cell with a Timeline gets both halves' timelines too, side by side.
  const timelines = state.data.timeline === true || timelineOf(cell, state, "ts").open;
  region.querySelector("[data-both-timelines]")?.remove();
  try {
    const [ts, py] = (await Promise.all([run(cell, { record: timelines }), runHalf(cell, "py", { record: timelines })])).map(ranOf);
    // Where the Python cannot run here, CPython's recording stands in for it.
    showSideBySide(region, {
      ts: ts?.stdout ?? "",
      python: py?.stdout ?? state.data.pythonExpected!,
      declaration: state.data.pythonRecord!,
      pythonRecorded: py === undefined,
      tsRan: ts !== undefined,
    });
    if (timelines && ts && py) showTimelines(region, cell.id, timelineOf(cell, state, "ts").timeline, timelineOf(cell, state, "py").timeline);
  } finally {
    for (const lang of ["ts", "py"] as const) button(cell, lang, "both").disabled = false;
  }
}

function stop(cell: HTMLElement, lang: Half): void {
  stateOf(cell)[lang].run.stop();
}

// ---- edit / reset / copy -------------------------------------------------------------------

function originalCode(state: CellState, lang: Half): string {
  return lang === "ts" ? state.data.code : state.data.python!;
}

/**
 * Opens a half's editor (once) with the reader's saved edit, else our code; `shared` opens it
 * with a share link's code instead, which is not saved until the reader changes it.
 */
async function edit(cell: HTMLElement, lang: Half, focus: boolean, shared?: string): Promise<void> {
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

function closeEditor(cell: HTMLElement, lang: Half): void {
  const half = stateOf(cell)[lang];
  half.editor?.destroy();
  half.editor = undefined;
  const host = part(cell, lang, "[data-editor]");
  host.replaceChildren();
  host.hidden = true;
  part(cell, lang, "[data-code]").hidden = false;
}

function markEdited(cell: HTMLElement, lang: Half, edited: boolean): void {
  button(cell, lang, "reset").disabled = !edited;
  panel(cell, lang).toggleAttribute("data-edited", edited);
  if (lang === "ts") cell.toggleAttribute("data-edited", edited);
}

function reset(cell: HTMLElement, lang: Half): void {
  clearEdit(editKey(cell, lang));
  closeEditor(cell, lang);
  markShared(cell, lang, false);
  markEdited(cell, lang, false);
  button(cell, lang, "edit").focus();
  setStatus(cell, lang, "Reset to the original code.");
}

async function copy(cell: HTMLElement, lang: Half): Promise<void> {
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
async function share(cell: HTMLElement, lang: Half): Promise<void> {
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

function markShared(cell: HTMLElement, lang: Half, shared: boolean): void {
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
      if ((await run(cell)).kind === "match") matched++;
    }
    bar.value = cells.length;
    allProgress = null;
    text.textContent = `Ran ${cells.length} cells: ${matched} matched the expected output.`;
  } finally {
    allProgress = null;
    trigger.removeAttribute("aria-disabled");
  }
}
