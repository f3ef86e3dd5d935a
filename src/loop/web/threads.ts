/**
 * Worker threads for `toThread()`/`runInExecutor()` in browsers: a Web Worker per pool
 * thread, started from a Blob URL of the pool's script (no file to serve). A function's
 * source reaches the thread as a blob module too, not through eval, so a page whose
 * Content-Security-Policy forbids eval (but allows blob: scripts) can still use threads.
 *
 * A page has no reference counting of pending work; the in-page runtime counts the
 * host's timers instead. So a busy worker holds a long host timer (`getHost()`), which
 * keeps the program alive while a call is in flight, and an idle one holds nothing.
 */
import { getHost, type Host } from "../host.ts";
import { type ThreadPlatform, WORKER_BODY, type WorkerThread } from "../threads.ts";

/** The DOM's worker API, as much as is used; declared here because the library compiles without DOM types. */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "messageerror", listener: (event: unknown) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string; preventDefault(): void }) => void): void;
}

interface WebGlobals {
  Worker?: new (url: string, options?: { name?: string }) => WebWorker;
  Blob: new (parts: string[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
  navigator?: { hardwareConcurrency?: number };
}

const g = globalThis as unknown as WebGlobals;

/** Runs before the pool's script: `post`/`onJob` over the worker's own message port. */
const PRELUDE = `
const post = (message) => self.postMessage(message);
const onJob = (handler) => { self.onmessage = (event) => handler(event.data); };
const loadSource = async (source) => {
  const url = URL.createObjectURL(new Blob(["export default (" + source + "\\n);\\n"], { type: "text/javascript" }));
  try {
    return (await import(url)).default;
  } finally {
    URL.revokeObjectURL(url);
  }
};
`;

/** Longest setTimeout delay browsers accept without firing at once. */
const FOREVER_MS = 2 ** 31 - 1;

let scriptUrl: string | null = null;

/** Web Workers: register with `setThreadPlatform(webThreadPlatform)` (the package's `default` entry does). */
export const webThreadPlatform: ThreadPlatform = {
  name: "Web Worker",

  cpuCount(): number {
    return g.navigator?.hardwareConcurrency ?? 4;
  },

  spawn(onMessage: (message: unknown) => void, onFailure: (error: Error) => void): WorkerThread {
    if (typeof g.Worker !== "function") throw new Error("this runtime has no Web Workers: toThread() is not available here");
    // One URL for every worker, kept for the page's life: it is a few kilobytes.
    scriptUrl ??= g.URL.createObjectURL(new g.Blob([PRELUDE + WORKER_BODY], { type: "text/javascript" }));
    const worker = new g.Worker(scriptUrl, { name: "asyncio" });
    worker.addEventListener("message", (event) => onMessage(event.data));
    worker.addEventListener("messageerror", () => onFailure(new Error("a message from the worker thread could not be deserialized")));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      onFailure(new Error(event.message ?? "the worker thread failed"));
    });
    let hold: { host: Host; token: unknown } | null = null;
    const release = (): void => {
      hold?.host.clearTimeout(hold.token);
      hold = null;
    };
    return {
      postMessage: (message) => worker.postMessage(message),
      setBusy(busy) {
        if (!busy) release();
        else if (hold === null) {
          const host = getHost();
          hold = { host, token: host.setTimeout(() => {}, FOREVER_MS) };
        }
      },
      terminate() {
        release();
        worker.terminate();
      },
    };
  },
};
