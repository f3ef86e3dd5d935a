import { describe, expect, it } from "vitest";
import { STOP_SIGNAL } from "../core/index.ts";
import { PythonRuntime, pythonFiles, pythonUnavailable, PYTHON_ENTRY } from "./runtime.ts";
import type { RunEvent } from "../core/index.ts";
import { STOP_GRACE_MS } from "../worker/index.ts";
import { FakeWorker } from "../testing/index.ts";


const NO_PYTHON = "Python cannot run in this browser: it has no module Web Workers.";

/** The interrupt buffer the page gave a worker (an Int32Array over it). */
function interruptOf(worker: FakeWorker): Int32Array {
  const message = worker.received.find((m) => m.type === "interrupt");
  if (message?.type !== "interrupt") throw new Error("no interrupt buffer");
  return new Int32Array(message.buffer);
}

function setup(unavailable?: string, timers?: Array<{ callback: () => void; ms: number; cleared?: boolean }>) {
  const workers: FakeWorker[] = [];
  const runtime = new PythonRuntime({
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    unavailable: () => unavailable,
    ...(timers
      ? {
          setTimer: (callback: () => void, ms: number) => timers.push({ callback, ms }) - 1,
          clearTimer: (handle: unknown) => void (timers[handle as number]!.cleared = true),
        }
      : {}),
  });
  const events: RunEvent[] = [];
  const controller = new AbortController();
  const start = () =>
    runtime.run({ files: pythonFiles("print(1)"), entry: PYTHON_ENTRY, timeoutMs: 10_000, signal: controller.signal }, (e) => events.push(e));
  return { runtime, workers, events, controller, start };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("PythonRuntime", () => {
  it("sends main.py to a worker and forwards its loading progress, says when the program runs, then its output", async () => {
    const { workers, events, start } = setup();
    const run = start();
    await tick();
    const worker = workers[0]!;
    expect(worker.received).toEqual([
      { type: "interrupt", buffer: expect.any(SharedArrayBuffer) },
      { type: "run", files: { "main.py": "print(1)" }, entry: "main.py" },
    ]);
    const progress = { stage: "downloading", loaded: 1_048_576, total: 12_582_912 } as const;
    worker.send({ type: "status", text: "Downloading Python… 1.0 of 12.0 MB", progress });
    worker.send({ type: "status", text: "Starting Python…", progress: { ...progress, stage: "starting" } });
    worker.send({ type: "ready" });
    worker.send({ type: "output", chunks: [[0, "1\n"]] });
    worker.send({ type: "exit", code: 0 });
    expect(await run).toMatchObject({ code: 0 });
    expect(events).toEqual([
      { type: "status", text: "Downloading Python… 1.0 of 12.0 MB", progress },
      { type: "status", text: "Starting Python…", progress: { ...progress, stage: "starting" } },
      { type: "status", text: "Running…" },
      { type: "stdout", text: "1\n" },
    ]);
    expect(worker.terminated).toBe(true);
  });

  it("passes on where a program failed to compile", async () => {
    const { workers, start } = setup();
    const run = start();
    await tick();
    const syntaxError = { message: "main.py:2:5: invalid syntax", path: "main.py", line: 2, column: 5 };
    workers[0]!.send({ type: "exit", code: 1, syntaxError });
    expect(await run).toMatchObject({ code: 1, syntaxError });
  });

  it("does not replay a pre-warmed worker's stale progress once it is ready", async () => {
    const { runtime, workers, events, start } = setup();
    runtime.prewarm();
    const spare = workers[0]!;
    spare.send({ type: "status", text: "Downloading Python… 0.0 MB", progress: { stage: "downloading", loaded: 0, total: 0 } });
    spare.send({ type: "ready" });
    const run = start();
    await tick();
    expect(workers).toHaveLength(1);
    spare.send({ type: "exit", code: 0 });
    await run;
    expect(events).toEqual([{ type: "status", text: "Running…" }]);
  });

  it("where Python cannot run, says why on stderr and starts no worker, not even to pre-warm", async () => {
    const { runtime, workers, events, start } = setup(NO_PYTHON);
    runtime.prewarm();
    expect(await start()).toEqual({ code: 1, elapsedMs: 0 });
    expect(events).toEqual([{ type: "stderr", text: `${NO_PYTHON}\n` }]);
    expect(workers).toHaveLength(0);
  });

  it("on Stop, ends the run at once and interrupts the program, keeping the worker when it says it is still fresh", async () => {
    const { runtime, workers, controller, events, start } = setup();
    const run = start();
    await tick();
    const worker = workers[0]!;
    const buffer = interruptOf(worker);
    expect(Atomics.load(buffer, 0)).toBe(0);
    controller.abort();
    expect(await run).toMatchObject({ code: null, reason: "stopped" });
    expect(Atomics.load(buffer, 0)).toBe(STOP_SIGNAL);
    expect(worker.terminated).toBe(false);
    worker.send({ type: "output", chunks: [[1, "KeyboardInterrupt\n"]] }); // the stopped program's last words: not shown
    worker.send({ type: "exit", code: 1, reusable: true });
    const next = runtime.run({ files: pythonFiles("print(2)"), entry: PYTHON_ENTRY, timeoutMs: 10_000, signal: new AbortController().signal }, () => {});
    await tick();
    expect(workers).toHaveLength(1);
    expect(worker.received.filter((m) => m.type === "run")).toHaveLength(2);
    worker.send({ type: "exit", code: 0, reusable: true });
    await next;
    expect(events.some((e) => e.type === "stderr")).toBe(false);
  });

  it("terminates an interrupted worker that does not end its program in time, or is no longer fresh", async () => {
    const timers: Array<{ callback: () => void; ms: number; cleared?: boolean }> = [];
    const { workers, controller, start } = setup(undefined, timers);
    const run = start();
    await tick();
    controller.abort();
    await run;
    expect(workers[0]!.terminated).toBe(false);
    const grace = timers.find((t) => t.ms === STOP_GRACE_MS && !t.cleared)!;
    grace.callback();
    expect(workers[0]!.terminated).toBe(true);

    const again = setup(undefined, []);
    const second = again.start();
    await tick();
    again.controller.abort();
    await second;
    again.workers[0]!.send({ type: "exit", code: 1, reusable: false });
    expect(again.workers[0]!.terminated).toBe(true);
  });

  it("terminates the worker on Stop where the page cannot share memory with it (no interrupt buffer)", async () => {
    const shared = globalThis.SharedArrayBuffer;
    (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer = undefined;
    try {
      const { workers, controller, start } = setup();
      const run = start();
      await tick();
      expect(workers[0]!.received.some((m) => m.type === "interrupt")).toBe(false);
      controller.abort();
      expect(await run).toMatchObject({ code: null, reason: "stopped" });
      expect(workers[0]!.terminated).toBe(true);
    } finally {
      globalThis.SharedArrayBuffer = shared;
    }
  });
});

describe("PythonRuntime's workers", () => {
  it("keeps a worker whose interpreter is still fresh for the next run, and ends one that is not", async () => {
    const { runtime, workers } = setup();
    const next = (code: string) =>
      runtime.run({ files: pythonFiles(code), entry: PYTHON_ENTRY, timeoutMs: 10_000, signal: new AbortController().signal }, () => {});
    const first = next("print(1)");
    await tick();
    workers[0]!.send({ type: "exit", code: 0, reusable: true });
    await first;
    expect(workers[0]!.terminated).toBe(false);
    const second = next("print(2)");
    await tick();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.filter((m) => m.type === "run")).toHaveLength(2);
    workers[0]!.send({ type: "exit", code: 0, reusable: false });
    await second;
    expect(workers[0]!.terminated).toBe(true);
  });
});

describe("PythonRuntime's timeout", () => {
  it("counts from when Python is loaded, not while it downloads", async () => {
    const timers: Array<{ callback: () => void; ms: number }> = [];
    const { runtime, workers } = setup(undefined, timers);
    const run = runtime.run({ files: pythonFiles("while True: pass"), entry: PYTHON_ENTRY, timeoutMs: 500, signal: new AbortController().signal }, () => {});
    await tick();
    expect(timers.filter((t) => t.ms === 500)).toHaveLength(0);
    workers[0]!.send({ type: "ready" });
    const clock = timers.filter((t) => t.ms === 500);
    expect(clock).toHaveLength(1);
    clock[0]!.callback();
    expect(await run).toMatchObject({ code: null, reason: "timeout" });
    // Interrupted, given its grace, then terminated when it says nothing.
    expect(workers[0]!.terminated).toBe(false);
    timers.find((t) => t.ms === STOP_GRACE_MS)!.callback();
    expect(workers[0]!.terminated).toBe(true);
  });
});

describe("pythonUnavailable", () => {
  const Worker = class {};

  it("is undefined with WebAssembly and module workers, JS Promise Integration or not", () => {
    expect(pythonUnavailable({ Worker, WebAssembly: {} })).toBeUndefined();
    expect(pythonUnavailable({ Worker, WebAssembly })).toBeUndefined();
  });

  it("names what is missing: workers, or WebAssembly", () => {
    expect(pythonUnavailable({ WebAssembly })).toBe(NO_PYTHON);
    expect(pythonUnavailable({ Worker })).toMatch(/no WebAssembly/);
  });
});
