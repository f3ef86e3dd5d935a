/**
 * The Timeline's accessible twin: the same facts as a table, one row per task. Long tables
 * show their first rows and a button for the rest, so a 10,000-task run stays quick.
 */
import type { TimelineRow } from "../timeline/record.ts";

export const TABLE_PAGE = 200;

const HEADERS = ["Task", "Start (s)", "End (s)", "Steps", "Outcome", "Last waited on", "Notes"] as const;

/**
 * Renders `rows` into `host` (emptied), showing at most `limit` of them. With `onSelect`,
 * each task's name is a button that selects it (to show why it waits).
 */
export function renderTable(host: HTMLElement, caption: string, rows: TimelineRow[], limit = TABLE_PAGE, onSelect?: (id: number) => void): void {
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
    if (onSelect) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "tl-select";
      button.textContent = row.name;
      button.dataset.task = String(row.id);
      button.addEventListener("click", () => onSelect(row.id));
      name.append(button);
    } else {
      name.textContent = row.name;
    }
    tr.append(name);
    for (const text of [row.start, row.end || "—", String(row.steps), row.outcome, row.lastWait || "—", row.notes.join(" ") || "—"]) {
      tr.insertCell().textContent = text;
    }
  }
  host.replaceChildren(table);
  if (shown < rows.length) {
    const more = document.createElement("button");
    more.type = "button";
    more.textContent = `Show all ${rows.length.toLocaleString("en-US")} rows`;
    more.addEventListener("click", () => {
      renderTable(host, caption, rows, Infinity, onSelect);
      host.querySelector<HTMLElement>("caption")?.focus();
    });
    host.append(more);
  }
}
