import { describe, expect, it } from "vitest";
import type { RunEvent } from "../core/index.ts";
import { WorkerRuntime } from "./runtime.ts";
import { FakeWorker, manualTimers } from "../testing/index.ts";


function setup(options: { limits?: { lines: number; chars: number }; timeoutMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const timers = manualTimers();
  const runtime = new WorkerRuntime({
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const events: RunEvent[] = [];
  const controller = new AbortController();
  const run = runtime.run(
    { files: { "snippet.js": "" }, entry: "snippet.js", timeoutMs: options.timeoutMs ?? 10_000, signal: controller.signal },
    (e) => events.push(e),
  );
  const started = async (): Promise<FakeWorker> => {
    while (!workers[0]?.received.some((m) => m.type === "run")) await new Promise((r) => setTimeout(r, 0));
    return workers[0]!;
  };
  return { runtime, workers, events, controller, run, started, timers };
}

describe("WorkerRuntime", () => {
  it("runs the files in a worker and streams its output in order", async () => {
    const { events, run, started } = setup();
    const worker = await started();
    expect(worker.received).toEqual([{ type: "run", files: { "snippet.js": "" }, entry: "snippet.js" }]);
    worker.send({ type: "output", chunks: [[0, "out\n"], [1, "err\n"]] });
    worker.send({ type: "exit", code: 3 });
    const result = await run;
    expect(result).toMatchObject({ code: 3 });
    expect(result.reason).toBeUndefined();
    expect(events).toEqual([
      { type: "stdout", text: "out\n" },
      { type: "stderr", text: "err\n" },
    ]);
    expect(worker.terminated).toBe(true);
  });

  it("keeps a spare worker warm for the next run", async () => {
    const { workers, run, started, timers } = setup();
    (await started()).send({ type: "exit", code: 0 });
    await run;
    expect(workers).toHaveLength(1);
    expect(timers.fire(0)).toBe(1); // the spare starts once the run's turn is over
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received).toEqual([]);
    expect(workers[1]!.terminated).toBe(false);
  });

  it("does not start a spare while a run is on (the two would share a core); the run's end starts it", async () => {
    const { runtime, workers, run, started } = setup();
    const worker = await started();
    runtime.prewarm();
    expect(workers).toHaveLength(1);
    worker.send({ type: "exit", code: 0, reusable: true });
    await run;
    // The reusable worker became the spare: nothing new was started.
    runtime.prewarm();
    expect(workers).toHaveLength(1);
    expect(worker.terminated).toBe(false);
  });

  it("starts a second worker for a second run while the first is on", async () => {
    const { runtime, workers, started } = setup();
    await started();
    const second = runtime.run({ files: {}, entry: "snippet.js", timeoutMs: 10_000, signal: new AbortController().signal }, () => {});
    expect(workers).toHaveLength(2);
    workers[1]!.send({ type: "exit", code: 0 });
    expect(await second).toMatchObject({ code: 0 });
  });

  it("terminates the worker at once on Stop", async () => {
    const { controller, run, started } = setup();
    const worker = await started();
    controller.abort();
    expect(await run).toMatchObject({ code: null, reason: "stopped" });
    expect(worker.terminated).toBe(true);
  });

  it("terminates the worker at the timeout", async () => {
    const { run, started, timers } = setup({ timeoutMs: 30 });
    const worker = await started();
    expect(worker.terminated).toBe(false);
    expect(timers.fire(30)).toBe(1);
    expect(await run).toMatchObject({ code: null, reason: "timeout" });
    expect(worker.terminated).toBe(true);
  });

  it("stops at the worker's limit message with a notice", async () => {
    const { events, run, started } = setup();
    const worker = await started();
    worker.send({ type: "output", chunks: [[0, "1\n"]] });
    worker.send({ type: "limit" });
    expect(await run).toMatchObject({ code: null, reason: "output-limit" });
    expect(events.at(-1)).toMatchObject({ type: "status", text: expect.stringMatching(/^Output truncated/) });
    expect(worker.terminated).toBe(true);
  });

  it("enforces the cap itself too, whatever the worker sends", async () => {
    const { events, run, started } = setup({ limits: { lines: 2, chars: 1000 } });
    const worker = await started();
    worker.send({ type: "output", chunks: [[0, "1\n2\n3\n"]] });
    expect(await run).toMatchObject({ reason: "output-limit" });
    expect(events[0]).toEqual({ type: "stdout", text: "1\n2\n" });
  });

  // The real default cap, as readers get it: no limits passed to the runtime.
  it("enforces the default cap of 5,000 lines itself", async () => {
    const { events, run, started } = setup();
    const worker = await started();
    worker.send({ type: "output", chunks: [[0, Array.from({ length: 5_001 }, (_, i) => `${i}\n`).join("")]] });
    expect(await run).toMatchObject({ code: null, reason: "output-limit" });
    const out = events.filter((e) => e.type === "stdout").map((e) => e.text).join("");
    expect(out.split("\n").length - 1).toBe(5_000);
    expect(out.endsWith("\n4999\n")).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: "status", text: expect.stringContaining("5,000 lines or 256 K characters") });
  });

  it("enforces the default cap of 256 K characters itself, stdout and stderr together", async () => {
    const { events, run, started } = setup();
    const worker = await started();
    const half = `${"x".repeat(99)}\n`.repeat(1_500); // 150,000 characters in 1,500 lines
    worker.send({ type: "output", chunks: [[0, half], [1, half]] });
    expect(await run).toMatchObject({ code: null, reason: "output-limit" });
    const stdout = events.filter((e) => e.type === "stdout").map((e) => e.text).join("");
    const stderr = events.filter((e) => e.type === "stderr").map((e) => e.text).join("");
    expect(stdout.length).toBe(150_000);
    expect(stdout.length + stderr.length).toBe(256 * 1024);
  });

  it("passes on a worker's fatal message from before the run", async () => {
    const workers: FakeWorker[] = [];
    const runtime = new WorkerRuntime({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) });
    runtime.prewarm();
    workers[0]!.send({ type: "fatal", message: "broken" });
    const events: RunEvent[] = [];
    const result = await runtime.run({ files: {}, entry: "snippet.js", timeoutMs: 1000, signal: new AbortController().signal }, (e) => events.push(e));
    expect(result).toMatchObject({ code: 1 });
    expect(events).toEqual([{ type: "stderr", text: "broken\n" }]);
  });

  it("reports a worker that cannot load as a failed run, not a hang", async () => {
    const { events, run, started } = setup();
    const worker = await started();
    worker.onerror?.({ message: "", preventDefault() {} } as ErrorEvent);
    expect(await run).toMatchObject({ code: 1 });
    expect(events).toEqual([{ type: "stderr", text: "The in-page worker failed: it could not be loaded\n" }]);
  });

  it("returns at once when already stopped", async () => {
    const runtime = new WorkerRuntime({ createWorker: () => new FakeWorker() });
    const controller = new AbortController();
    controller.abort();
    expect(await runtime.run({ files: {}, entry: "snippet.js", timeoutMs: 1000, signal: controller.signal }, () => {})).toMatchObject({
      code: null,
      reason: "stopped",
    });
  });
});
