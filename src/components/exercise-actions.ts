/**
 * What an exercise's buttons do, loaded on first use by `exercise-client.ts`: Check (runs the
 * exercise's checks against the reader's code, in the same runtime as any cell), Run, Stop,
 * Edit, Hint, Show solution, Reset. A run and its verdict are the notebook's
 * (`src/notebook/run.ts`), the editor and the edit store are the cells' own (`cell-editor.ts`,
 * `edit-store.ts`): this module shows what they report.
 */
import type { EditorView } from "@codemirror/view";
import { readExerciseData, type ExerciseData } from "../exercises/data.ts";
import { markSolved } from "../exercises/progress.ts";
import harness from "../exercises/check-harness.ts?raw";
import { checkSource, runSource } from "../exercises/tree.ts";
import { RunSlot, describeExercise, readReports, runExercise, type CheckReport, type ExerciseOutcome, type Tone } from "../notebook/index.ts";
import { clearEdit, loadEdit, saveEdit } from "./edit-store.ts";

export type ExerciseAction = "check" | "run" | "stop" | "edit" | "restore" | "hint" | "solution" | "reset";

interface State {
  data: ExerciseData;
  editor?: EditorView;
  /** Check or Run: one at a time. */
  run: RunSlot<ExerciseOutcome>;
  hintsShown: number;
  /** Show solution was pressed since the last Reset. */
  solutionShown?: boolean;
}

const states = new WeakMap<HTMLElement, State>();

function stateOf(section: HTMLElement): State {
  let state = states.get(section);
  if (!state) {
    state = { data: readExerciseData(section), hintsShown: 0, run: new RunSlot() };
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

/** Edits live in the cells' store, under a name no cell id can take. */
const editName = (section: HTMLElement) => `exercise:${section.id}`;

export async function perform(section: HTMLElement, action: ExerciseAction): Promise<void> {
  switch (action) {
    case "check":
      return execute(section, "check");
    case "run":
      return execute(section, "run");
    case "stop":
      return stateOf(section).run.stop();
    case "edit":
      return edit(section, true);
    case "restore":
      return edit(section, false);
    case "hint":
      return hint(section);
    case "solution":
      return showSolution(section);
    case "reset":
      return reset(section);
  }
}

function setStatus(section: HTMLElement, text: string, kind: Tone = "info"): void {
  const status = part(section, "[data-status]");
  status.textContent = text;
  status.dataset.kind = kind;
}

function currentCode(section: HTMLElement, state: State): string {
  return state.editor?.state.doc.toString() ?? loadEdit(editName(section)) ?? state.data.starter;
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
    setStatus(section, kind === "check" ? "Checking…" : "Running…");

    const code = currentCode(section, state);
    const source = kind === "check" ? checkSource(state.data.check, code, harness) : runSource(code, harness);
    const outcome = await runExercise({
      kind,
      source,
      code,
      ...(state.solutionShown ? { solution: state.data.solution } : {}),
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

async function edit(section: HTMLElement, focus: boolean, code?: string): Promise<void> {
  const state = stateOf(section);
  if (!state.editor) {
    const { openEditor } = await import("./cell-editor.ts");
    if (!state.editor) {
      const host = part(section, "[data-editor]");
      state.editor = openEditor(host, {
        code: loadEdit(editName(section)) ?? state.data.starter,
        language: "typescript",
        label: `Your code for exercise ${section.id}, editable`,
        onChange: (text) => {
          saveEdit(editName(section), text);
          button(section, "reset").disabled = false;
        },
        onRun: () => void execute(section, "check"),
      });
      part(section, "[data-code]").hidden = true;
      host.hidden = false;
      button(section, "reset").disabled = loadEdit(editName(section)) === null;
    }
  }
  if (code !== undefined) {
    const editor = state.editor!;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: code } });
  }
  if (focus) state.editor!.focus();
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
  state.solutionShown = true;
  await edit(section, true, state.data.solution);
  part<HTMLDetailsElement>(section, "[data-python-solution]").open = true;
  setStatus(section, "A solution is in the editor (and the Python solution in the Python tab). Check it, or Reset to start again.");
}

function reset(section: HTMLElement): void {
  const state = stateOf(section);
  state.solutionShown = false;
  clearEdit(editName(section));
  state.editor?.destroy();
  state.editor = undefined;
  const host = part(section, "[data-editor]");
  host.replaceChildren();
  host.hidden = true;
  part(section, "[data-code]").hidden = false;
  button(section, "reset").disabled = true;
  button(section, "edit").focus();
  setStatus(section, "Reset to the starter code.");
}
