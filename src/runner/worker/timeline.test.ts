import { describe, expect, it } from "vitest";
import type { RunEvent } from "../core/index.ts";
import { WorkerRuntime, type WorkerLike } from "./runtime.ts";
import type { FromWorker, ToWorker } from "../core/index.ts";
import { watchOwnLoops } from "./timeline.ts";

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: ToWorker[] = [];
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {}
  send(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

async function start(extra: { record?: boolean; step?: SharedArrayBuffer }) {
  const worker = new FakeWorker();
  const runtime = new WorkerRuntime({ createWorker: () => worker });
  const events: RunEvent[] = [];
  const run = runtime.run({ files: {}, entry: "snippet.js", timeoutMs: 10_000, signal: new AbortController().signal, ...extra }, (e) => events.push(e));
  while (!worker.received.some((m) => m.type === "run")) await new Promise((r) => setTimeout(r, 0));
  return { worker, events, run };
}

describe("WorkerRuntime, Timeline and Step through", () => {
  it("asks the worker to record only when the run asks, and passes its events on in order with the output", async () => {
    const plain = await start({});
    expect(plain.worker.received[0]).toEqual({ type: "run", files: {}, entry: "snippet.js" });
    plain.worker.send({ type: "exit", code: 0 });
    await plain.run;

    const step = new SharedArrayBuffer(8);
    const { worker, events, run } = await start({ record: true, step });
    expect(worker.received[0]).toMatchObject({ record: true, step });
    const snapshot = { time: 0, loopKind: "VirtualTimeLoop", tick: 1, ran: 0, next: { what: "Task-1: step", line: null, lineNote: "" }, ready: [], timers: [], tasks: [] };
    worker.send({ type: "timeline", events: [{ k: "name", id: 1, name: "main" }] });
    worker.send({ type: "output", chunks: [[0, "hi\n"]] });
    worker.send({ type: "paused", snapshot });
    worker.send({ type: "exit", code: 0 });
    await run;
    expect(events).toEqual([
      { type: "timeline", events: [{ k: "name", id: 1, name: "main" }] },
      { type: "stdout", text: "hi\n" },
      { type: "paused", snapshot },
    ]);
  });
});

describe("watchOwnLoops", () => {
  it("sets the watcher on the reader's classes that declare one, loading only the modules that say so", async () => {
    class TinyLoop {
      static watcher: unknown = null;
    }
    class Other {}
    const loaded: string[] = [];
    const modules: Record<string, Record<string, unknown>> = {
      "tiny-loop.js": { TinyLoop, helper: () => 1 },
      "snippet.js": { Other },
    };
    const files = {
      "tiny-loop.js": "export class TinyLoop {\n  static watcher = null;\n}\n",
      "snippet.js": 'import { TinyLoop } from "./tiny-loop.js";\n',
      "node_modules/asyncio/index.js": "class X { static watcher = null }",
    };
    const watcher = (): void => {};
    await watchOwnLoops(files, async (path) => (loaded.push(path), modules[path]!), watcher);
    expect(loaded).toEqual(["tiny-loop.js"]);
    expect(TinyLoop.watcher).toBe(watcher);
    expect(Object.hasOwn(Other, "watcher")).toBe(false);
  });
});
