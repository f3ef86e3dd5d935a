/**
 * The Timeline picture, drawn in one pass as SVG markup (one `innerHTML`, no per-element DOM
 * work): per loop, a loop lane (plain callbacks, timers, the stretches it slept) and one lane
 * per task on a loop-time axis. Beyond `maxLanes` tasks, the rest share one aggregate lane
 * showing how many of them were alive at each moment, so 10,000 tasks draw as fast as 30.
 * Marks narrower than a pixel are merged, so a lane's cost is bounded by the width too. Pure.
 */
import { formatTime, type Lane, type LoopSection, type Note, noteText, type Timeline, waitEnd, waitText } from "./record.ts";

export interface DrawOptions {
  /** Width of the drawing in CSS pixels. */
  width: number;
  /** Task lanes drawn one by one per loop; the rest are aggregated. */
  maxLanes?: number;
  /** Accessible name of the picture, e.g. "Timeline of cell-3". */
  label: string;
}

/** What the picture shows at a given lane (for the hover/focus readout). */
export interface LaneInfo {
  y: number;
  text: string;
  /** The task drawn in this lane (none for a loop lane or the aggregate). */
  id?: number;
}

export interface Drawing {
  svg: string;
  height: number;
  lanes: LaneInfo[];
}

const LANE = 20;
const HEAD = 22;
const LABEL = 132;
const PAD = 8;

export function drawTimeline(timeline: Timeline, options: DrawOptions): Drawing {
  const width = Math.max(320, Math.floor(options.width));
  const maxLanes = options.maxLanes ?? 30;
  const plot = width - LABEL - PAD * 2;
  const parts: string[] = [];
  const infos: LaneInfo[] = [];
  let y = PAD;
  const lanesByLoop = new Map<number, Lane[]>();
  const notesByLane = new Map<string, Note[]>();
  for (const note of timeline.notes) {
    const key = note.id === null ? `loop ${note.loop}` : String(note.id);
    let list = notesByLane.get(key);
    if (!list) notesByLane.set(key, (list = []));
    list.push(note);
  }
  const pins = (key: string, y: number, x: (t: number) => number): string =>
    (notesByLane.get(key) ?? []).map((note) => `<path class="tl-note" d="M${f(x(note.t))} ${y + 1}l4 4l-4 4l-4 -4z"><title>${esc(noteText(note, timeline))}</title></path>`).join("");
  for (const lane of timeline.lanes) {
    let list = lanesByLoop.get(lane.loop);
    if (!list) lanesByLoop.set(lane.loop, (list = []));
    list.push(lane);
  }
  for (const section of timeline.loops) {
    if (!section) continue;
    const lanes = lanesByLoop.get(section.index) ?? [];
    const span = Math.max(section.end - section.start, 1e-9);
    const x = (t: number): number => LABEL + PAD + ((t - section.start) / span) * plot;
    // Section heading: the loop and its clock.
    const clock = section.virtual ? "virtual time" : "real time";
    parts.push(
      `<text class="tl-head" x="${PAD}" y="${y + 14}">${esc(section.kind)} (${clock}), 0 to ${formatTime(span)} s</text>`,
      axis(y + HEAD - 4, LABEL + PAD, plot, span),
    );
    y += HEAD + 10;
    // The loop lane.
    parts.push(`<text class="tl-name" x="${PAD}" y="${y + 14}">loop</text>`);
    for (const idle of mergeSpans(section.idle.map((i) => [x(i.from), x(i.to)] as const))) {
      parts.push(`<rect class="tl-idle" x="${f(idle[0])}" y="${y + 3}" width="${f(Math.max(idle[1] - idle[0], 1))}" height="${LANE - 6}"><title>loop sleeps until its next timer</title></rect>`);
    }
    parts.push(ticks(section.callbacks.filter((c) => !c.timer).map((c) => x(c.t)), y, "tl-soon"));
    parts.push(ticks(section.callbacks.filter((c) => c.timer).map((c) => x(c.t)), y, "tl-timer"));
    parts.push(pins(`loop ${section.index}`, y, x));
    infos.push({ y, text: `loop: ${section.callbacks.length} callbacks, slept ${section.idle.length} times until a timer` });
    y += LANE;
    const shown = lanes.length > maxLanes ? lanes.slice(0, maxLanes - 1) : lanes;
    for (const lane of shown) {
      parts.push(drawLane(lane, y, x, section), pins(String(lane.id), y, x));
      const notes = notesByLane.get(String(lane.id))?.length ?? 0;
      infos.push({ y, id: lane.id, text: `${laneText(lane, section)}${notes > 0 ? `; ${notes} note${notes === 1 ? "" : "s"}` : ""}` });
      y += LANE;
    }
    if (shown.length < lanes.length) {
      const rest = lanes.slice(shown.length);
      parts.push(aggregate(rest, y, x, section, plot));
      infos.push({ y, text: `${rest.length.toLocaleString("en-US")} more tasks, drawn together: the shade shows how many were alive` });
      y += LANE;
    }
    y += PAD;
  }
  const height = y + PAD;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="tl-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(options.label)}">` +
    parts.join("") +
    `</svg>`;
  return { svg, height, lanes: infos };
}

function drawLane(lane: Lane, y: number, x: (t: number) => number, section: LoopSection): string {
  const out: string[] = [`<text class="tl-name" x="${PAD}" y="${y + 14}">${esc(clip(lane.name, 18))}<title>${esc(lane.name)}</title></text>`];
  const end = lane.end ?? section.end;
  out.push(`<line class="tl-life" x1="${f(x(lane.spawn))}" x2="${f(x(end))}" y1="${y + LANE / 2}" y2="${y + LANE / 2}"/>`);
  // Waits, merged per pixel and kind.
  let last: { kind: string; x0: number; x1: number; title: string } | null = null;
  const flush = (): void => {
    if (!last) return;
    out.push(`<rect class="tl-w tl-${last.kind}" x="${f(last.x0)}" y="${y + 4}" width="${f(Math.max(last.x1 - last.x0, 1))}" height="${LANE - 8}"><title>${esc(last.title)}</title></rect>`);
    last = null;
  };
  for (const wait of lane.waits) {
    const x0 = x(wait.from);
    const to = waitEnd(wait, section);
    const x1 = x(to);
    if (last && last.kind === wait.on && x0 - last.x1 < 1) {
      last.x1 = Math.max(last.x1, x1);
      continue;
    }
    flush();
    last = { kind: wait.on, x0, x1, title: `${lane.name} waits on ${waitText(wait)}, ${formatTime(wait.from - section.start)} to ${formatTime(to - section.start)} s` };
  }
  flush();
  out.push(ticks(lane.steps.map(x), y, "tl-step"));
  out.push(`<circle class="tl-spawn" cx="${f(x(lane.spawn))}" cy="${y + LANE / 2}" r="3"><title>${esc(lane.name)} spawned at ${formatTime(lane.spawn - section.start)} s</title></circle>`);
  if (lane.end !== null && lane.outcome !== null) {
    const ex = f(x(lane.end));
    const what = lane.outcome === "result" ? `returned ${lane.detail}` : lane.outcome === "exception" ? `raised ${lane.detail}` : `cancelled${lane.cancelledAt ? ` in ${lane.cancelledAt}` : ""}`;
    out.push(`<path class="tl-end tl-${lane.outcome}" d="M${ex} ${y + 3}v${LANE - 6}"><title>${esc(`${lane.name} ${what} at ${formatTime(lane.end - section.start)} s`)}</title></path>`);
  }
  return out.join("");
}

function laneText(lane: Lane, section: LoopSection): string {
  const start = formatTime(lane.spawn - section.start);
  const end = lane.end === null ? "still pending" : `ended at ${formatTime(lane.end - section.start)} s`;
  const outcome = lane.outcome === null ? "" : lane.outcome === "exception" ? `, raised ${lane.detail}` : lane.outcome === "cancelled" ? `, cancelled${lane.cancelledAt ? ` in ${lane.cancelledAt}` : ""}` : `, returned ${lane.detail}`;
  const last = lane.waits[lane.waits.length - 1];
  return `${lane.name}: spawned at ${start} s, ${lane.steps.length} steps, ${end}${outcome}${last ? `; last waited on ${waitText(last)}` : ""}`;
}

/** Many tasks as one lane: per pixel column, the share of them alive (spawned, not ended). */
function aggregate(lanes: Lane[], y: number, x: (t: number) => number, section: LoopSection, plot: number): string {
  const columns = Math.max(1, Math.floor(plot / 2));
  const alive = new Int32Array(columns + 1);
  const left = LABEL + PAD;
  const column = (t: number): number => Math.min(columns, Math.max(0, Math.floor(((x(t) - left) / plot) * columns)));
  for (const lane of lanes) {
    alive[column(lane.spawn)]! += 1;
    alive[Math.min(columns, column(lane.end ?? section.end) + 1)]! -= 1;
  }
  const out: string[] = [`<text class="tl-name" x="${PAD}" y="${y + 14}">+${lanes.length.toLocaleString("en-US")} tasks</text>`];
  let count = 0;
  const total = lanes.length;
  for (let c = 0; c < columns; c++) {
    count += alive[c]!;
    if (count <= 0) continue;
    const share = Math.min(1, count / total);
    out.push(`<rect class="tl-many" x="${f(left + (c * plot) / columns)}" y="${y + 3}" width="${f(plot / columns + 0.5)}" height="${LANE - 6}" fill-opacity="${(0.15 + 0.85 * share).toFixed(2)}"/>`);
  }
  return out.join("");
}

/** Vertical ticks at the given x positions, one path, one tick per pixel column at most. */
function ticks(xs: number[], y: number, cls: string): string {
  if (xs.length === 0) return "";
  let d = "";
  let lastColumn = Number.NaN;
  for (const value of xs) {
    const column = Math.round(value);
    if (column === lastColumn) continue;
    lastColumn = column;
    d += `M${column} ${y + 2}v${LANE - 4}`;
  }
  return `<path class="${cls}" d="${d}"/>`;
}

function axis(y: number, x0: number, plot: number, span: number): string {
  const out = [`<line class="tl-axis" x1="${x0}" x2="${x0 + plot}" y1="${y}" y2="${y}"/>`];
  for (let i = 0; i <= 4; i++) {
    const x = x0 + (plot * i) / 4;
    out.push(`<text class="tl-tick" x="${f(x)}" y="${y + 12}" text-anchor="${i === 0 ? "start" : i === 4 ? "end" : "middle"}">${formatTime((span * i) / 4)}</text>`);
  }
  return out.join("");
}

function mergeSpans(spans: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a - last[1] < 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function f(value: number): string {
  return value.toFixed(1);
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}
