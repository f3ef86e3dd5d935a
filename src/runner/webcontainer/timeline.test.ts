import { describe, expect, it } from "vitest";
import { MARK } from "../../timeline/side-channel.ts";
import type { RunEvent } from "../core/index.ts";
import { FakeWebContainer } from "../testing/index.ts";
import { WebContainerRuntime } from "./runtime.ts";
import { WebContainerBoot } from "./boot.ts";
import { manualTimers } from "../testing/index.ts";

function setup(record: boolean) {
  const container = new FakeWebContainer();
  const boot = new WebContainerBoot({ boot: async () => container, isolated: () => true });
  const timers = manualTimers();
  const runtime = new WebContainerRuntime({
    boot,
    library: async () => ({}),
    timelineHook: async () => "// hook\n",
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  const events: RunEvent[] = [];
  const run = runtime.run(
    { files: { "snippet.js": "" }, entry: "snippet.js", timeoutMs: 10_000, signal: new AbortController().signal, ...(record ? { record } : {}) },
    (e) => events.push(e),
  );
  return { container, events, run, timers };
}

describe("WebContainer runtime, recorded runs", () => {
  it("loads the timeline hook and strips its side channel from the output", async () => {
    const { container, events, run, timers } = setup(true);
    const process = await container.nextProcess();
    expect(process.args).toEqual(["--import", "./timeline-hook.js", "snippet.js"]);
    const mounted = container.mounts.get("runs/1") as Record<string, unknown>;
    expect(Object.keys(mounted)).toContain("timeline-hook.js");
    const batch = JSON.stringify([{ k: "name", id: 1, name: "main" }]);
    process.write(`hello\r\n${MARK}${batch.slice(0, 10)}`);
    // The partial-line wait (50 ms) runs out before the rest of the line comes.
    while (timers.fire(50) === 0) await new Promise((r) => setImmediate(r));
    process.write(`${batch.slice(10)}\r\nbye\r\n`);
    process.end(0);
    await run;
    expect(events.filter((e) => e.type === "stdout").map((e) => (e as { text: string }).text).join("")).toBe("hello\nbye\n");
    expect(events.filter((e) => e.type === "timeline")).toEqual([{ type: "timeline", events: [{ k: "name", id: 1, name: "main" }] }]);
  });

  it("runs node plainly, output untouched, when not recording", async () => {
    const { container, events, run } = setup(false);
    const process = await container.nextProcess();
    expect(process.args).toEqual(["snippet.js"]);
    process.write(`${MARK}[]\r\n`);
    process.end(0);
    await run;
    expect(events.filter((e) => e.type !== "status")).toEqual([{ type: "stdout", text: `${MARK}[]\n` }]);
  });
});
