/**
 * Run both's picture: a table with the TypeScript output beside the Python's, one row per line,
 * each row saying whether the lines are the same, the same once a declared rule rewrote the
 * Python (the rule named, the line as Python printed it shown too), or different. For a cell
 * with a Timeline, both timelines too, side by side, and their lanes paired in a table.
 */
import { PYTHON_RULES, pairLanes, pairOutputs, summarise, type LanePair, type PythonDeclaration, type Row } from "../notebook/index.ts";
import { drawTimeline } from "../timeline/draw.ts";
import type { Timeline } from "../timeline/record.ts";

export interface BothRun {
  ts: string;
  python: string;
  declaration: PythonDeclaration;
  /** The Python could not run here: `python` is CPython's recorded output. */
  pythonRecorded: boolean;
  /** The TypeScript ran (else `ts` is empty). */
  tsRan: boolean;
}

const VERDICT: Record<Row["kind"], string> = {
  same: "same",
  normalised: "same after a rule",
  differs: "differs",
  "ts-only": "TypeScript only",
  missing: "one side only",
};

function cell(tag: "td" | "th", text: string, className?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

/** Fills `region` (the cell's `[data-both]`) with the comparison. */
export function showSideBySide(region: HTMLElement, run: BothRun): void {
  const rows = pairOutputs(run.ts, run.python, run.declaration);
  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = run.pythonRecorded
    ? "TypeScript beside Python, line by line (the Python as CPython printed it: it cannot run in your browser)"
    : "TypeScript beside Python, line by line";
  const head = document.createElement("tr");
  for (const name of ["TypeScript", "Python", "Compared"]) head.append(Object.assign(cell("th", name), { scope: "col" }));
  table.append(caption);
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.kind = row.kind;
    tr.append(cell("td", row.ts ?? "", "code"));
    const python = cell("td", row.python ?? "", "code");
    if (row.printed !== undefined) {
      const printed = document.createElement("span");
      printed.className = "printed";
      printed.textContent = `Python printed: ${row.printed}`;
      python.append(document.createElement("br"), printed);
    }
    tr.append(python);
    const verdict = cell("td", VERDICT[row.kind]);
    if (row.rules?.length) {
      verdict.textContent = `same after ${row.rules.join(", ")}`;
      verdict.title = row.rules.map((name) => PYTHON_RULES[name]!.summary).join("; ");
    }
    tr.append(verdict);
  }
  region.querySelector<HTMLElement>("[data-both-table]")!.replaceChildren(table);
  const status = region.querySelector<HTMLElement>("[data-both-status]")!;
  const differs = rows.some((row) => row.kind === "differs" || row.kind === "missing");
  status.dataset.kind = differs ? "warn" : "ok";
  status.textContent =
    (run.tsRan ? "" : "The TypeScript did not run. ") +
    summarise(rows) +
    (differs ? " Lines that vary from run to run (times, counts) differ here too; the expected outputs mark them with …." : "");
}

const LANE_VERDICT: Record<LanePair["kind"], string> = { same: "same", differs: "differs", missing: "one side only" };

/**
 * Adds both halves' Timelines to `region`: the two pictures side by side (each half's own
 * clock) and a table pairing their lanes, lane for lane (task, end, outcome, last wait).
 */
export function showTimelines(region: HTMLElement, id: string, ts: Timeline, python: Timeline): void {
  let host = region.querySelector<HTMLElement>("[data-both-timelines]");
  if (!host) {
    host = Object.assign(document.createElement("div"), { className: "both-timelines" });
    host.dataset.bothTimelines = "";
    region.append(host);
  }
  const panes = document.createElement("div");
  panes.className = "compare-panes";
  const width = Math.max(320, Math.floor((region.clientWidth || 640) / 2) - 16);
  for (const [name, timeline] of [["TypeScript", ts], ["Python", python]] as const) {
    const pane = document.createElement("section");
    pane.className = "compare-pane";
    pane.setAttribute("aria-label", `${name} Timeline of ${id}`);
    const chart = Object.assign(document.createElement("div"), { className: "tl-chart" });
    chart.innerHTML = drawTimeline(timeline, { width, label: `${name} Timeline of ${id}: ${timeline.lanes.length} tasks. The table below pairs them lane for lane.` }).svg;
    pane.append(Object.assign(document.createElement("p"), { className: "compare-name", textContent: name }), chart);
    panes.append(pane);
  }
  const pairs = pairLanes(ts, python);
  const table = document.createElement("table");
  table.createCaption().textContent = `Lanes of ${id}, TypeScript beside Python`;
  const head = document.createElement("tr");
  for (const name of ["TypeScript task", "Ends (s)", "Outcome", "Last waited on", "Python task", "Ends (s)", "Outcome", "Last waited on", "Compared"]) {
    head.append(Object.assign(cell("th", name), { scope: "col" }));
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const pair of pairs) {
    const tr = body.insertRow();
    tr.dataset.kind = pair.kind;
    for (const row of [pair.ts, pair.python]) {
      for (const text of row ? [row.name, row.end || "—", row.outcome, row.lastWait || "—"] : ["", "", "", ""]) tr.append(cell("td", text));
    }
    tr.append(cell("td", LANE_VERDICT[pair.kind]));
  }
  const wrap = Object.assign(document.createElement("div"), { className: "tl-table-wrap" });
  wrap.append(table);
  host.replaceChildren(panes, wrap);
}
