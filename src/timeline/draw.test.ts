import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "./events.ts";
import { drawTimeline } from "./draw.ts";
import { fold } from "./record.ts";

/** Events of `n` tasks that each sleep `i` ms and return, on one virtual loop. */
function manyTasks(n: number): TimelineEvent[] {
  const events: TimelineEvent[] = [{ k: "loop", loop: 0, kind: "VirtualTimeLoop", t: 0 }];
  for (let i = 1; i <= n; i++) events.push({ k: "spawn", loop: 0, t: 0, id: i, name: `Task-${i}`, parent: null });
  for (let i = 1; i <= n; i++) {
    events.push({ k: "step", loop: 0, t: 0, id: i });
    events.push({ k: "wait", loop: 0, t: 0, id: i, on: "timer", what: `sleep(${i / 1000})` });
  }
  for (let i = 1; i <= n; i++) {
    events.push({ k: "step", loop: 0, t: i / 1000, id: i });
    events.push({ k: "exit", loop: 0, t: i / 1000, id: i, outcome: i % 2 ? "result" : "exception", detail: i % 2 ? "None" : "ValueError" });
  }
  return events;
}

const count = (svg: string, tag: string) => svg.split(`<${tag}`).length - 1;

describe("drawTimeline", () => {
  it("draws a lane per task with its waits, steps and outcome, names on hover", () => {
    const { svg, lanes } = drawTimeline(fold(manyTasks(3)), { width: 600, label: "Timeline of cell-1" });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Timeline of cell-1"/);
    expect(svg).toContain("VirtualTimeLoop (virtual time), 0 to 0.003 s");
    expect(svg).toContain("<title>Task-2 waits on sleep(0.002), 0.000 to 0.002 s</title>");
    expect(svg).toContain('class="tl-end tl-exception"');
    expect(svg).toContain("Task-2 raised ValueError at 0.002 s");
    expect(lanes.map((lane) => lane.text)).toEqual([
      "loop: 0 callbacks, slept 3 times until a timer",
      "Task-1: spawned at 0.000 s, 2 steps, ended at 0.001 s, returned None; last waited on sleep(0.001)",
      "Task-2: spawned at 0.000 s, 2 steps, ended at 0.002 s, raised ValueError; last waited on sleep(0.002)",
      "Task-3: spawned at 0.000 s, 2 steps, ended at 0.003 s, returned None; last waited on sleep(0.003)",
    ]);
  });

  it("aggregates tasks beyond maxLanes: 10,000 tasks cost about what 30 do", () => {
    const small = drawTimeline(fold(manyTasks(30)), { width: 800, label: "x" });
    const large = drawTimeline(fold(manyTasks(10_000)), { width: 800, label: "x" });
    expect(large.lanes).toHaveLength(31); // the loop, 29 tasks, one aggregate
    expect(large.lanes.at(-1)!.text).toMatch(/^9,971 more tasks/);
    expect(count(large.svg, "rect")).toBeLessThan(count(small.svg, "rect") + 400);
    expect(large.svg.length).toBeLessThan(200_000);
  });

  it("escapes names", () => {
    const events: TimelineEvent[] = [
      { k: "loop", loop: 0, kind: "BaseEventLoop", t: 5 },
      { k: "spawn", loop: 0, t: 5, id: 1, name: '<b>"x"&', parent: null },
    ];
    const { svg } = drawTimeline(fold(events), { width: 400, label: "a<b" });
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;b&gt;&quot;x&quot;&amp;");
    expect(svg).toContain("BaseEventLoop (real time)");
  });

  it("pins notes on the lane of their task (or the loop's), each titled with its moment and line, and counts them in the readout", () => {
    const events: TimelineEvent[] = [
      ...manyTasks(2),
      { k: "note", loop: 0, t: 0.001, kind: "never-awaited", id: 2, text: "coroutine 'sleep' was created and never awaited", at: { path: "snippet.ts", line: 4 } },
      { k: "note", loop: 0, t: 0, kind: "slow", id: null, text: "the callback tick held the loop for 0.200 s" },
    ];
    const { svg, lanes } = drawTimeline(fold(events), { width: 600, label: "x" });
    expect([...svg.matchAll(/<path class="tl-note"[^>]*><title>([^<]*)<\/title>/g)].map((match) => match[1])).toEqual([
      "At 0.000 s: the callback tick held the loop for 0.200 s",
      "At 0.001 s: coroutine 'sleep' was created and never awaited (line 4)",
    ]);
    expect(lanes.map((lane) => [lane.id, lane.text.endsWith("; 1 note")])).toEqual([
      [undefined, false],
      [1, false],
      [2, true],
    ]);
  });
});
