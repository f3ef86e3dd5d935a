/**
 * The in-page Web Worker runtime: the page side ({@link WorkerRuntime}) and, bundled by Vite
 * as its own module worker, the worker side (./entry.ts: Node's console, module resolution,
 * linking, liveness and the Timeline's recording, all inside the worker).
 */
export { STOP_GRACE_MS, WorkerRuntime, type WorkerLike, type WorkerRuntimeOptions } from "./runtime.ts";
