/**
 * A cell's Timeline view: collects the run's timeline events, and while the view is open
 * draws them (live, at most every 250 ms, and once more at the end) as the picture and the
 * table. Opening it after a run that was not recorded runs the cell again, recording.
 */
import type { TimelineEvent } from "../timeline/events.ts";
import { drawTimeline, type LaneInfo } from "../timeline/draw.ts";
import { printedBy, rows, type Timeline, TimelineBuilder } from "../timeline/record.ts";
import { TABLE_PAGE, renderTable } from "./timeline-table.ts";
import { renderSummary, renderWhy, whyHost } from "./why-view.ts";

/** Live redraws come at most this often, and never take more than a fifth of the time. */
const REDRAW_MS = 250;

export class CellTimeline {
  private builder = new TimelineBuilder();
  /** The last run (or the one in progress) is being recorded. */
  recorded = false;
  private timer = 0;
  private lastDrawMs = 0;
  private generation = 0;
  private lanes: LaneInfo[] = [];
  private focusLane = 0;
  /** The table is drawn a task after the picture: this settles once it is. */
  private tableDrawn: Promise<void> = Promise.resolve();
  /** The task whose why-view is shown, if one is. */
  private selected: number | null = null;
  private readonly panel: HTMLElement;
  private readonly toggle: HTMLButtonElement;

  constructor(
    /** The half's panel, holding its Timeline button and `[data-timeline]`. */
    root: HTMLElement,
    /** What the picture and table are "Timeline of": the cell's id, or "the Python of" it. */
    private readonly name: string,
    /** The cell asks to be recorded always (`timeline` meta). */
    readonly always: boolean,
    /** The cell id whose comparison figures (CompareTimelines.astro) show this Timeline too, if any. */
    private readonly compareId?: string,
  ) {
    this.panel = root.querySelector<HTMLElement>("[data-timeline]")!;
    this.toggle = root.querySelector<HTMLButtonElement>('button[data-action="timeline"]')!;
    const chart = this.part("[data-chart]");
    chart.addEventListener("pointermove", (event) => this.hover(event));
    chart.addEventListener("click", (event) => {
      this.hover(event);
      this.select(this.lanes[this.focusLane]?.id);
    });
    chart.addEventListener("keydown", (event) => this.key(event));
    chart.addEventListener("focus", () => this.show(this.focusLane));
  }

  /** What the recording holds so far. */
  get timeline(): Timeline {
    return this.builder.timeline;
  }

  get open(): boolean {
    return !this.panel.hidden;
  }

  /** Whether the next run should record: the view is open, or the cell asks. */
  get wanted(): boolean {
    return this.open || this.always;
  }

  /** A run begins. */
  start(recording: boolean): void {
    this.builder = new TimelineBuilder();
    this.selected = null;
    this.recorded = recording;
    if (recording && this.open) this.setNote("Recording…");
  }

  add(events: TimelineEvent[]): void {
    this.builder.add(events);
    if (this.open && this.timer === 0) this.timer = window.setTimeout(() => this.draw(), Math.max(REDRAW_MS, 4 * this.lastDrawMs));
  }

  /** The run ended: draw what it did. */
  finish(): void {
    if (this.always && !this.open) this.setOpen(true);
    if (this.open) this.draw();
  }

  /** Shows or hides the view; returns true when the cell must run (again) to have something to show. */
  setOpen(open: boolean): boolean {
    this.panel.hidden = !open;
    this.toggle.setAttribute("aria-expanded", String(open));
    if (!open) return false;
    if (!this.recorded) {
      this.setNote("Running the cell again to record what the loop does…");
      return true;
    }
    this.draw();
    return false;
  }

  private draw(): void {
    window.clearTimeout(this.timer);
    this.timer = 0;
    const started = performance.now();
    const timeline = this.builder.timeline;
    const label = `Timeline of ${this.name}`;
    const chart = this.part("[data-chart]");
    const width = chart.clientWidth || 640;
    const drawing = drawTimeline(timeline, { width, label: `${label}: ${timeline.lanes.length} tasks. The table below gives the same facts.` });
    chart.innerHTML = drawing.svg;
    this.lanes = drawing.lanes;
    // A figure that compares this cell's timeline with another's (CompareTimelines.astro).
    const panes = this.compareId === undefined ? [] : document.querySelectorAll<HTMLElement>(`[data-compare-pane="${CSS.escape(this.compareId)}"] [data-compare-chart]`);
    for (const pane of panes) {
      pane.innerHTML = drawTimeline(timeline, { width: pane.clientWidth || 320, label: `${label}, for comparison: ${timeline.lanes.length} tasks. The cell's own Timeline has the table.` }).svg;
    }
    this.setNote(timeline.lanes.length === 0 ? "No task ran on an asyncio loop in this run." : "");
    this.lastDrawMs = performance.now() - started;
    performance.measure("timeline picture", { start: started });
    // The table in a task of its own, so that input waiting since the picture is answered first.
    const generation = ++this.generation;
    this.tableDrawn = new Promise((resolve) =>
      setTimeout(() => {
        resolve();
        if (generation !== this.generation) return;
        const tableStarted = performance.now();
        renderTable(this.part("[data-table]"), label, rows(timeline), TABLE_PAGE, (id) => this.select(id));
        renderSummary(this.summary(), timeline);
        if (this.selected !== null) renderWhy(whyHost(this.panel, this.part("[data-readout]")), timeline, this.selected);
        this.lastDrawMs += performance.now() - tableStarted;
        performance.measure("timeline table", { start: tableStarted });
      }, 0),
    );
  }

  /**
   * Opens the view at the moment stdout line `line` (1-based) was printed: the row of the task
   * that printed it is marked current and focused, its lane marked in the picture, and the
   * readout says when. Returns false when the cell must run again to record it.
   */
  async showLine(line: number): Promise<boolean> {
    if (!this.recorded) return false;
    if (!this.open) this.setOpen(true);
    await this.tableDrawn;
    const readout = this.part("[data-readout]");
    readout.setAttribute("aria-live", "polite");
    const found = printedBy(this.builder.timeline, line - 1);
    for (const old of this.panel.querySelectorAll('tr[aria-current="true"]')) old.removeAttribute("aria-current");
    if (found === undefined || found.lane < 0) {
      readout.textContent =
        found === undefined
          ? `This run's Timeline does not say who printed line ${line}: it was recorded where output carries no such note.`
          : `Line ${line} was printed outside any task (by top-level code or a plain callback), so no row of the table has it.`;
      this.part("[data-chart]").focus();
      return true;
    }
    const table = this.part("[data-table]");
    if (found.lane >= TABLE_PAGE) renderTable(table, `Timeline of ${this.name}`, rows(this.builder.timeline), Infinity, (id) => this.select(id));
    const row = table.querySelectorAll<HTMLTableRowElement>("tbody tr")[found.lane];
    this.focusLane = found.lane;
    this.show(found.lane, false);
    readout.setAttribute("aria-live", "polite");
    readout.textContent = `Line ${line} was printed by ${found.name}, in its step at ${found.time} s: its row is marked in the table.`;
    if (row) {
      row.setAttribute("aria-current", "true");
      const head = row.querySelector<HTMLElement>("th")!;
      head.tabIndex = -1;
      head.focus();
    }
    return true;
  }

  /** Shows why task `id` waits (a lane clicked or chosen with Enter, a table row's button). */
  private select(id: number | undefined): void {
    if (id === undefined) return;
    this.selected = id;
    renderWhy(whyHost(this.panel, this.part("[data-readout]")), this.builder.timeline, id);
  }

  /** Deadlocks and the notes that belong to no task, above the table. */
  private summary(): HTMLElement {
    let host = this.panel.querySelector<HTMLElement>("[data-why-summary]");
    if (!host) {
      host = document.createElement("div");
      host.className = "why-summary";
      host.dataset.whySummary = "";
      this.part("[data-timeline-note]").after(host);
    }
    return host;
  }

  private hover(event: PointerEvent | MouseEvent): void {
    const svg = this.part("[data-chart]").querySelector("svg");
    if (!svg || this.lanes.length === 0) return;
    const y = event.clientY - svg.getBoundingClientRect().top;
    let index = this.lanes.findIndex((lane) => y >= lane.y && y < lane.y + 20);
    if (index < 0) return;
    this.focusLane = index;
    this.show(index, false);
  }

  /** Up/Down walk the lanes while the picture has focus. */
  private key(event: KeyboardEvent): void {
    if ((event.key === "Enter" || event.key === " ") && this.lanes.length > 0) {
      event.preventDefault();
      this.select(this.lanes[this.focusLane]?.id);
      return;
    }
    const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (!step || this.lanes.length === 0) return;
    event.preventDefault();
    this.focusLane = Math.max(0, Math.min(this.lanes.length - 1, this.focusLane + step));
    this.show(this.focusLane);
  }

  private show(index: number, announce = true): void {
    const lane = this.lanes[index];
    const readout = this.part("[data-readout]");
    readout.setAttribute("aria-live", announce ? "polite" : "off");
    readout.textContent = lane ? lane.text : "";
    const marker = this.part("[data-chart]").querySelector<SVGRectElement>(".tl-focus");
    const svg = this.part("[data-chart]").querySelector("svg");
    if (!svg || !lane) return;
    const rect = marker ?? svg.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "rect"));
    rect.setAttribute("class", "tl-focus");
    rect.setAttribute("x", "1");
    rect.setAttribute("y", String(lane.y));
    rect.setAttribute("width", String(Number(svg.getAttribute("width")) - 2));
    rect.setAttribute("height", "20");
  }

  private setNote(text: string): void {
    this.part("[data-timeline-note]").textContent = text;
  }

  private part(selector: string): HTMLElement {
    return this.panel.querySelector<HTMLElement>(selector)!;
  }
}
