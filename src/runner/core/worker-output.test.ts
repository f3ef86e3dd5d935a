import { describe, expect, it } from "vitest";
import { OutputChannel } from "./worker-output.ts";
import type { FromWorker } from "./worker-protocol.ts";

function channel(limits = { lines: 1000, chars: 100_000 }) {
  const posted: FromWorker[] = [];
  const tasks: Array<() => void> = [];
  let time = 0;
  const out = new OutputChannel({
    post: (message) => posted.push(message),
    schedule: (callback) => tasks.push(callback),
    now: () => time,
    limits,
    maxDelayMs: 16,
  });
  return {
    out,
    posted,
    runTasks: () => tasks.splice(0).forEach((task) => task()),
    advance: (ms: number) => (time += ms),
  };
}

describe("OutputChannel", () => {
  it("posts the first write at once, then batches until the next task, merging runs of one stream", () => {
    const { out, posted, runTasks } = channel();
    out.write(0, "first\n");
    expect(posted).toEqual([{ type: "output", chunks: [[0, "first\n"]] }]);
    out.write(0, "a\n");
    out.write(0, "b\n");
    out.write(1, "oops\n");
    out.write(0, "c\n");
    expect(posted).toHaveLength(1);
    runTasks();
    expect(posted[1]).toEqual({ type: "output", chunks: [[0, "a\nb\n"], [1, "oops\n"], [0, "c\n"]] });
  });

  it("sends a batch once the last post is old enough, even if the thread never yields", () => {
    const { out, posted, advance } = channel();
    out.write(0, "first\n");
    out.write(0, "second\n");
    advance(10);
    out.write(0, "third\n");
    expect(posted).toHaveLength(1);
    advance(10);
    out.write(0, "fourth\n");
    expect(posted[1]).toEqual({ type: "output", chunks: [[0, "second\nthird\nfourth\n"]] });
  });

  it("a million lines become a few messages: what fits, then one limit, then silence", () => {
    const { out, posted, advance } = channel({ lines: 5000, chars: 1_000_000 });
    for (let i = 0; i < 1_000_000; i++) {
      if (i % 1000 === 0) advance(1);
      out.write(0, `${i}\n`);
    }
    expect(posted.length).toBeLessThan(10);
    const text = posted.flatMap((m) => (m.type === "output" ? m.chunks.map((c) => c[1]) : [])).join("");
    expect(text.split("\n").length - 1).toBe(5000);
    expect(text.endsWith("4999\n")).toBe(true);
    expect(posted.at(-1)).toEqual({ type: "limit" });
    expect(out.closed).toBe(true);
  });

  it("caps at the default 5,000 lines when given no limits, as the worker entry builds it", () => {
    const posted: FromWorker[] = [];
    const out = new OutputChannel({ post: (message) => posted.push(message), schedule: () => {}, now: () => 0 });
    for (let i = 0; i < 6_000; i++) out.write(i % 2 === 0 ? 0 : 1, `${i}\n`);
    const text = posted.flatMap((m) => (m.type === "output" ? m.chunks.map((c) => c[1]) : [])).join("");
    expect(text.split("\n").length - 1).toBe(5_000);
    expect(text.endsWith("\n4999\n")).toBe(true);
    expect(posted.at(-1)).toEqual({ type: "limit" });
  });

  it("caps at the default 256 K characters when given no limits", () => {
    const posted: FromWorker[] = [];
    const out = new OutputChannel({ post: (message) => posted.push(message), schedule: () => {}, now: () => 0 });
    const line = `${"y".repeat(99)}\n`;
    for (let i = 0; i < 3_000; i++) out.write(0, line);
    const text = posted.flatMap((m) => (m.type === "output" ? m.chunks.map((c) => c[1]) : [])).join("");
    expect(text.length).toBe(256 * 1024);
    expect(posted.at(-1)).toEqual({ type: "limit" });
  });

  it("drops writes after close", () => {
    const { out, posted, runTasks } = channel();
    out.write(0, "kept\n");
    out.write(0, "kept too\n");
    out.close();
    out.write(0, "dropped\n");
    runTasks();
    expect(posted).toEqual([
      { type: "output", chunks: [[0, "kept\n"]] },
      { type: "output", chunks: [[0, "kept too\n"]] },
    ]);
  });
});
