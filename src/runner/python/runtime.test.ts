import { describe, expect, it } from "vitest";
import { JSPI_MISSING, PythonRuntime, pythonFiles, pythonUnavailable, PYTHON_ENTRY } from "./runtime.ts";
import type { RunEvent } from "../core/index.ts";
import type { WorkerLike } from "../worker/index.ts";
import type { FromWorker, ToWorker } from "../core/index.ts";

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

function setup(unavailable?: string) {
  const workers: FakeWorker[] = [];
  const runtime = new PythonRuntime({
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    unavailable: () => unavailable,
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
    expect(worker.received).toEqual([{ type: "run", files: { "main.py": "print(1)" }, entry: "main.py" }]);
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
    const { runtime, workers, events, start } = setup(JSPI_MISSING);
    runtime.prewarm();
    expect(await start()).toEqual({ code: 1, elapsedMs: 0 });
    expect(events).toEqual([{ type: "stderr", text: `${JSPI_MISSING}\n` }]);
    expect(workers).toHaveLength(0);
  });

  it("stops like the worker runtime: Stop terminates the worker at once", async () => {
    const { workers, controller, start } = setup();
    const run = start();
    await tick();
    controller.abort();
    expect(await run).toMatchObject({ code: null, reason: "stopped" });
    expect(workers[0]!.terminated).toBe(true);
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
    const workers: FakeWorker[] = [];
    const runtime = new PythonRuntime({
      createWorker: () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker;
      },
      unavailable: () => undefined,
      setTimer: (callback, ms) => timers.push({ callback, ms }),
      clearTimer: () => undefined,
    });
    const run = runtime.run({ files: pythonFiles("while True: pass"), entry: PYTHON_ENTRY, timeoutMs: 500, signal: new AbortController().signal }, () => {});
    await tick();
    expect(timers.filter((t) => t.ms === 500)).toHaveLength(0);
    workers[0]!.send({ type: "ready" });
    const clock = timers.filter((t) => t.ms === 500);
    expect(clock).toHaveLength(1);
    clock[0]!.callback();
    expect(await run).toMatchObject({ code: null, reason: "timeout" });
    expect(workers[0]!.terminated).toBe(true);
  });
});

describe("pythonUnavailable", () => {
  class Suspending {}
  const promising = (): void => undefined;
  const Worker = class {};

  it("is undefined with JS Promise Integration and module workers", () => {
    expect(pythonUnavailable({ Worker, WebAssembly: { Suspending, promising } })).toBeUndefined();
  });

  it("names JSPI when WebAssembly cannot suspend", () => {
    expect(pythonUnavailable({ Worker, WebAssembly: { promising } })).toBe(JSPI_MISSING);
    expect(pythonUnavailable({ Worker, WebAssembly: {} })).toBe(JSPI_MISSING);
    expect(pythonUnavailable({ Worker })).toBe(JSPI_MISSING);
  });

  it("names workers when there are none", () => {
    expect(pythonUnavailable({ WebAssembly: { Suspending, promising } })).toMatch(/Web Workers/);
  });

  it("matches this Node: JSPI only behind --experimental-wasm-jspi", () => {
    const hasJspi = typeof (WebAssembly as { Suspending?: unknown }).Suspending === "function";
    expect(pythonUnavailable({ Worker, WebAssembly }) === undefined).toBe(hasJspi);
  });
});
