/**
 * What an exercise's buttons do, loaded on first use by `exercise-client.ts`: Check (runs the
 * exercise's checks against the reader's code: TypeScript in the same runtime as any cell,
 * Python on CPython's loop in Pyodide's worker), Run, Stop, Edit, Hint, Show solution, Reset.
 * Each acts on the language of the selected tab; the two halves keep their own editors and
 * edits, and share one status region and one run at a time. A run and its verdict are the
 * notebook's (`src/notebook/run.ts`), the editor and the edit store are the cells' own
 * (`cell-editor.ts`, `edit-store.ts`): this module shows what they report.
 */
import type { EditorView } from "@codemirror/view";
import { readExerciseData, type ExerciseData } from "../exercises/data.ts";
import { markSolved } from "../exercises/progress.ts";
import harness from "../exercises/check-harness.ts?raw";
import pythonHarness from "../exercises/check_harness.py?raw";
import { PYTHON_CHECK_ENTRY, pythonCheckFiles, pythonRunFiles } from "../exercises/python-tree.ts";
import { checkSource, runSource } from "../exercises/tree.ts";
import {
  RunSlot,
  describeExercise,
  prewarmPython,
  readReports,
  runExercise,
  type CheckReport,
  type ExerciseOutcome,
  type ExerciseSource,
  type Half,
  type Tone,
} from "../notebook/index.ts";
import { clearEdit, loadEdit, saveEdit } from "./edit-store.ts";

export type ExerciseAction = "check" | "run" | "stop" | "edit" | "restore" | "hint" | "solution" | "reset" | "tab";

/** One language's side of an exercise. */
interface HalfState {
  editor?: EditorView;
  /** Show solution was pressed (on this half) since its last Reset. */
  solutionShown?: boolean;
}

interface State {
  data: ExerciseData;
  halves: Record<Half, HalfState>;
  /** Check or Run, in either language: one at a time. */
  run: RunSlot<ExerciseOutcome>;
  hintsShown: number;
}

const states = new WeakMap<HTMLElement, State>();

function stateOf(section: HTMLElement): State {
  let state = states.get(section);
  if (!state) {
    state = { data: readExerciseData(section), halves: { ts: {}, py: {} }, hintsShown: 0, run: new RunSlot() };
    states.set(section, state);
  }
  return state;
}

function part<T extends HTMLElement = HTMLElement>(section: HTMLElement, selector: string): T {
  return section.querySelector<T>(selector)!;
}

function button(section: HTMLElement, action: ExerciseAction): HTMLButtonElement {
  return part<HTMLButtonElement>(section, `button[data-action="${action}"]`);
}

/** Edits live in the cells' store, under a name no cell id can take (the TypeScript half's as before halves). */
const editName = (section: HTMLElement, half: Half) => (half === "ts" ? `exercise:${section.id}` : `exercise:${section.id}:py`);

/** The language of the selected tab: the buttons act on it. */
export function selectedHalf(section: HTMLElement): Half {
  return section.querySelector('[role="tab"][aria-selected="true"]')?.id.endsWith("-tab-py") ? "py" : "ts";
}

function panel(section: HTMLElement, half: Half): HTMLElement {
  return part(section, `[data-panel="${half}"]`);
}

/** The half's starter, solution and checks. */
function sides(data: ExerciseData, half: Half): { starter: string; solution: string; check: string } {
  return half === "py" ? data.python : data;
}

export async function perform(section: HTMLElement, action: ExerciseAction): Promise<void> {
  switch (action) {
    case "check":
      return execute(section, "check");
    case "run":
      return execute(section, "run");
    case "stop":
      return stateOf(section).run.stop();
    case "edit":
      return edit(section, selectedHalf(section), true);
    case "restore":
      for (const half of ["ts", "py"] as const) if (loadEdit(editName(section, half)) !== null) await edit(section, half, false);
      return;
    case "hint":
      return hint(section);
    case "solution":
      return showSolution(section);
    case "reset":
      return reset(section, selectedHalf(section));
    case "tab":
      // Another tab: Reset follows its edits, and the Python tab starts Python loading.
      syncReset(section);
      if (selectedHalf(section) === "py") await prewarmPython();
      return;
  }
}

function setStatus(section: HTMLElement, text: string, kind: Tone = "info"): void {
  const status = part(section, "[data-status]");
  status.textContent = text;
  status.dataset.kind = kind;
}

function currentCode(section: HTMLElement, state: State, half: Half): string {
  return state.halves[half].editor?.state.doc.toString() ?? loadEdit(editName(section, half)) ?? sides(state.data, half).starter;
}

/** What Check or Run runs for `half`: the checks over the reader's module, or the module alone. */
function sourceOf(kind: "check" | "run", half: Half, check: string, code: string): ExerciseSource {
  if (half === "ts") return { source: kind === "check" ? checkSource(check, code, harness) : runSource(code, harness) };
  if (kind === "run") return { half, ...pythonRunFiles(code) };
  return { half, files: pythonCheckFiles(check, code, pythonHarness), entry: PYTHON_CHECK_ENTRY };
}

/** Check and Run lock each other out while one lasts; Stop takes the focus and gives it back. */
function setBusy(section: HTMLElement, busy: boolean, trigger: HTMLButtonElement): void {
  const stop = button(section, "stop");
  const focused = document.activeElement;
  button(section, "check").disabled = busy;
  button(section, "run").disabled = busy;
  stop.disabled = !busy;
  section.toggleAttribute("data-running", busy);
  if (busy && focused === trigger) stop.focus();
  if (!busy && focused === stop) trigger.focus();
}

function line(text: string, stream: "stdout" | "stderr"): HTMLElement {
  const element = document.createElement("div");
  element.className = `line ${stream}`;
  element.textContent = text;
  return element;
}

/** Checks or runs the reader's code through the notebook's one run, and shows how it went. */
async function execute(section: HTMLElement, kind: "check" | "run"): Promise<void> {
  const state = stateOf(section);
  if (state.run.running) {
    await state.run.done;
    return;
  }
  const trigger = button(section, kind);
  const half = selectedHalf(section);
  const { check, solution } = sides(state.data, half);
  await state.run.start(async (signal) => {
    setBusy(section, true, trigger);
    delete section.dataset.verdict;
    const results = part(section, "[data-results]");
    const log = part(section, "[data-log]");
    const list = part(section, "[data-check-list]");
    results.hidden = false;
    log.replaceChildren();
    list.replaceChildren();
    list.hidden = part(section, "[data-checks-label]").hidden = true;
    const language = half === "py" ? "Python" : "TypeScript";
    setStatus(section, kind === "check" ? `Checking your ${language}…` : `Running your ${language}…`);

    const code = currentCode(section, state, half);
    const outcome = await runExercise({
      ...sourceOf(kind, half, check, code),
      kind,
      code,
      ...(state.halves[half].solutionShown ? { solution } : {}),
      timeoutMs: state.data.timeoutMs,
      signal,
      // Run shows output as it comes; Check shows the program's lines once the checks are read.
      onUpdate: (update) => {
        if (update.type === "doing") setStatus(section, update.text);
        else if (update.type === "lines") for (const { text, stream } of update.lines) log.append(line(text, stream));
      },
    });
    const status = describeExercise(outcome, state.data.timeoutMs);
    setStatus(section, status.text, status.tone);
    if (outcome.kind === "checked") {
      showChecks(section, outcome.verdict.reports);
      for (const text of readReports(outcome.ran.stdout).other) log.append(line(text, "stdout"));
      for (const text of outcome.ran.stderr.split("\n").filter(Boolean)) log.append(line(text, "stderr"));
      section.dataset.verdict = outcome.verdict.passed ? "passed" : "not-yet";
      if (outcome.counts) {
        markSolved(location.pathname, section.id);
        part(section, "[data-solved]").hidden = false;
      }
    } else if (kind === "check" && outcome.kind !== "ran") section.dataset.verdict = "not-yet";
    setBusy(section, false, trigger);
    return outcome;
  });
}

function showChecks(section: HTMLElement, reports: CheckReport[]): void {
  const list = part(section, "[data-check-list]");
  for (const report of reports) {
    const item = document.createElement("li");
    item.dataset.ok = String(report.ok);
    item.textContent = report.ok ? `${report.name}: holds` : `${report.name}: fails. ${report.why ?? ""}`;
    list.append(item);
  }
  list.hidden = part(section, "[data-checks-label]").hidden = reports.length === 0;
}

/** Reset is for the selected half: on only when that half has an edit. */
export function syncReset(section: HTMLElement): void {
  button(section, "reset").disabled = loadEdit(editName(section, selectedHalf(section))) === null;
}

async function edit(section: HTMLElement, half: Half, focus: boolean, code?: string): Promise<void> {
  const state = stateOf(section);
  const side = state.halves[half];
  if (!side.editor) {
    const { openEditor } = await import("./cell-editor.ts");
    if (!side.editor) {
      const host = panel(section, half).querySelector<HTMLElement>("[data-editor]")!;
      side.editor = openEditor(host, {
        code: loadEdit(editName(section, half)) ?? sides(state.data, half).starter,
        language: half === "py" ? "python" : "typescript",
        label: `Your ${half === "py" ? "Python" : "TypeScript"} code for exercise ${section.id}, editable`,
        onChange: (text) => {
          saveEdit(editName(section, half), text);
          syncReset(section);
        },
        onRun: () => void execute(section, "check"),
      });
      panel(section, half).querySelector<HTMLElement>("[data-code]")!.hidden = true;
      host.hidden = false;
      syncReset(section);
    }
  }
  if (code !== undefined) {
    const editor = side.editor!;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: code } });
  }
  if (focus) side.editor!.focus();
}

function hint(section: HTMLElement): void {
  const state = stateOf(section);
  const hints = [...section.querySelectorAll<HTMLDetailsElement>("[data-hint]")];
  if (state.hintsShown >= hints.length) {
    setStatus(section, hints.length === 0 ? "This exercise has no hints." : `No more hints: that was all ${hints.length}. Show solution shows a solution.`);
    return;
  }
  const next = hints[state.hintsShown++]!;
  next.hidden = false;
  next.open = true;
  const summary = next.querySelector("summary")!;
  summary.textContent = `Hint ${state.hintsShown} of ${hints.length}`;
  summary.focus();
}

async function showSolution(section: HTMLElement): Promise<void> {
  const state = stateOf(section);
  const half = selectedHalf(section);
  state.halves[half].solutionShown = true;
  await edit(section, half, true, sides(state.data, half).solution);
  if (half === "py") {
    setStatus(section, "The Python solution is in the editor. Check it, or Reset to start again.");
  } else {
    part<HTMLDetailsElement>(section, "[data-python-solution]").open = true;
    setStatus(section, "A solution is in the editor (and the Python solution in the Python tab). Check it, or Reset to start again.");
  }
}

function reset(section: HTMLElement, half: Half): void {
  const state = stateOf(section);
  const side = state.halves[half];
  side.solutionShown = false;
  clearEdit(editName(section, half));
  side.editor?.destroy();
  side.editor = undefined;
  const host = panel(section, half).querySelector<HTMLElement>("[data-editor]")!;
  host.replaceChildren();
  host.hidden = true;
  panel(section, half).querySelector<HTMLElement>("[data-code]")!.hidden = false;
  button(section, "reset").disabled = true;
  button(section, "edit").focus();
  setStatus(section, `Reset to the ${half === "py" ? "Python" : "TypeScript"} starter code.`);
}
