/**
 * The Timeline's accessible twin: the same facts as a table, one row per task. Long tables
 * show their first rows and a button for the rest, so a 10,000-task run stays quick.
 */
import type { TimelineRow } from "../timeline/record.ts";

export const TABLE_PAGE = 200;

const HEADERS = ["Task", "Start (s)", "End (s)", "Steps", "Outcome", "Last waited on"] as const;

/** Renders `rows` into `host` (emptied), showing at most `limit` of them. */
export function renderTable(host: HTMLElement, caption: string, rows: TimelineRow[], limit = TABLE_PAGE): void {
  const table = document.createElement("table");
  table.className = "tl-table";
  const shown = Math.min(rows.length, limit);
  table.createCaption().textContent =
    shown < rows.length ? `${caption} (first ${shown.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} tasks)` : caption;
  const head = table.createTHead().insertRow();
  for (const text of HEADERS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  for (let i = 0; i < shown; i++) {
    const row = rows[i]!;
    const tr = body.insertRow();
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = row.name;
    tr.append(name);
    for (const text of [row.start, row.end || "—", String(row.steps), row.outcome, row.lastWait || "—"]) {
      tr.insertCell().textContent = text;
    }
  }
  host.replaceChildren(table);
  if (shown < rows.length) {
    const more = document.createElement("button");
    more.type = "button";
    more.textContent = `Show all ${rows.length.toLocaleString("en-US")} rows`;
    more.addEventListener("click", () => {
      renderTable(host, caption, rows, Infinity);
      host.querySelector<HTMLElement>("caption")?.focus();
    });
    host.append(more);
  }
}
