/**
 * Worker threads for `toThread()`/`runInExecutor()` under Node: `worker_threads`,
 * one `Worker` per pool thread, running the pool's script from a string.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type ThreadPlatform, WORKER_BODY, type WorkerThread } from "../threads.ts";

/**
 * Runs before the pool's script: `post`/`onJob` over the parent port. The script may be
 * evaluated as CommonJS or as an ES module (an eval worker follows the parent's
 * `--input-type`), so the built-ins come through `import()`, which both have.
 * `require` is made a global, so that a function sent to a thread can load modules
 * (`require("node:crypto")`).
 */
const PRELUDE = `
let port = null;
const ready = Promise.all([import("node:worker_threads"), import("node:module")]).then(([threads, module]) => {
  port = threads.parentPort;
  globalThis.require ??= module.createRequire(process.cwd() + "/");
});
const post = (message) => port.postMessage(message);
const onJob = (handler) => ready.then(() => port.on("message", handler));
`;

const SCRIPT = PRELUDE + WORKER_BODY;

/** Node's `worker_threads`: register with `setThreadPlatform(nodeThreadPlatform)` (the package's `node` entry does). */
export const nodeThreadPlatform: ThreadPlatform = {
  name: "worker_threads",

  cpuCount(): number {
    return availableParallelism();
  },

  spawn(onMessage: (message: unknown) => void, onFailure: (error: Error) => void): WorkerThread {
    const worker = new Worker(SCRIPT, { eval: true, name: "asyncio" });
    worker.on("message", onMessage);
    worker.on("messageerror", (error) => onFailure(error));
    worker.on("error", onFailure);
    worker.on("exit", (code) => onFailure(new Error(`the worker thread exited with code ${code}`)));
    return {
      postMessage: (message) => worker.postMessage(message),
      setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
      terminate: () => worker.terminate(),
    };
  },
};
