/**
 * What an exercise's buttons do, loaded on first use by `exercise-client.ts`: Check (runs the
 * exercise's checks against the reader's code, in the same runtime as any cell), Run, Stop,
 * Edit, Hint, Show solution, Reset. The runner, the editor and the edit store are the cells'
 * own (`src/runner/`, `cell-editor.ts`, `edit-store.ts`).
 */
import type { EditorView } from "@codemirror/view";
import { ENTRY, getRuntime, prepareFiles, type RunResult } from "../runner/index.ts";
import type { FileTree } from "../runner/core/index.ts";
import { readExerciseData, type ExerciseData } from "../exercises/data.ts";
import { markSolved } from "../exercises/progress.ts";
import harness from "../exercises/check-harness.ts?raw";
import { checkSource, runSource } from "../exercises/tree.ts";
import { isTheShownSolution, readReports, verdictOf } from "../notebook/index.ts";
import { clearEdit, loadEdit, saveEdit } from "./edit-store.ts";

export type ExerciseAction = "check" | "run" | "stop" | "edit" | "restore" | "hint" | "solution" | "reset";

interface State {
  data: ExerciseData;
  editor?: EditorView;
  run?: { controller: AbortController; done: Promise<void> };
  hintsShown: number;
  /** Show solution was pressed since the last Reset. */
  solutionShown?: boolean;
}

const states = new WeakMap<HTMLElement, State>();

function stateOf(section: HTMLElement): State {
  let state = states.get(section);
  if (!state) {
    state = { data: readExerciseData(section), hintsShown: 0 };
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
      return stateOf(section).run?.controller.abort();
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

function setStatus(section: HTMLElement, text: string, kind: "info" | "ok" | "bad" | "warn" = "info"): void {
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

function syntaxText(error: unknown): string | null {
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name === "SnippetSyntaxError" ? `your code does not parse: ${String(e.message)}` : null;
}

/** The tree for the reader's code: transpiled on the page (Sucrase, loaded on first need). */
function filesFor(kind: "check" | "run", code: string, data: ExerciseData): Promise<FileTree> {
  return prepareFiles(kind === "check" ? checkSource(data.check, code, harness) : runSource(code, harness));
}

async function execute(section: HTMLElement, kind: "check" | "run"): Promise<void> {
  const state = stateOf(section);
  if (state.run) return state.run.done;
  const controller = new AbortController();
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  state.run = { controller, done };
  const trigger = button(section, kind);
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

  let stdout = "";
  let stderr = "";
  try {
    const checked = currentCode(section, state);
    const files = await filesFor(kind, checked, state.data);
    controller.signal.throwIfAborted();
    const runtime = await getRuntime(controller.signal);
    controller.signal.throwIfAborted();
    const result: RunResult = await runtime.run(
      { files, entry: ENTRY, timeoutMs: state.data.timeoutMs, signal: controller.signal },
      (event) => {
        if (event.type === "status") return setStatus(section, event.text);
        if (event.type !== "stdout" && event.type !== "stderr") return;
        if (event.type === "stdout") stdout += event.text;
        else stderr += event.text;
        // Run shows output as it comes; Check shows the program's lines once the checks are read.
        if (kind === "run") for (const text of event.text.replace(/\n$/, "").split("\n")) log.append(line(text, event.type));
      },
    );
    if (kind === "run") {
      const how = result.reason === "timeout" ? `Timed out after ${state.data.timeoutMs / 1000} s.` : result.reason === "stopped" ? "Stopped." : `Exited with code ${result.code ?? "none"}.`;
      setStatus(section, how, result.code === 0 ? "info" : "warn");
      return;
    }
    const verdict = verdictOf({ stdout, stderr, code: result.code, reason: result.reason, timeoutMs: state.data.timeoutMs });
    showChecks(section, verdict.reports);
    for (const text of readReports(stdout).other) log.append(line(text, "stdout"));
    for (const text of stderr.split("\n").filter(Boolean)) log.append(line(text, "stderr"));
    const shown = verdict.passed && state.solutionShown === true && isTheShownSolution(checked, state.data.solution);
    setStatus(section, shown ? `${verdict.text} That is the solution as shown, so it does not count as solved: write your own to count it.` : verdict.text, verdict.passed ? "ok" : "bad");
    section.dataset.verdict = verdict.passed ? "passed" : "not-yet";
    if (verdict.passed && !shown) {
      markSolved(location.pathname, section.id);
      part(section, "[data-solved]").hidden = false;
    }
  } catch (error) {
    const syntax = syntaxText(error);
    if (controller.signal.aborted && !syntax) setStatus(section, "Stopped before it started.", "warn");
    else setStatus(section, syntax ? `Not yet: ${syntax}` : `Could not run: ${(error as Error)?.message ?? String(error)}`, "bad");
    if (kind === "check") section.dataset.verdict = "not-yet";
  } finally {
    state.run = undefined;
    setBusy(section, false, trigger);
    finish();
  }
}

function showChecks(section: HTMLElement, reports: ReturnType<typeof verdictOf>["reports"]): void {
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
