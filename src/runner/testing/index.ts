/**
 * Code only the tests (and benchmarks) use. The page scripts of the browser tests
 * (./harness.ts, ./python-harness.ts) and the Pyodide-under-Node script (./pyodide-node.ts)
 * are bundled or run by path; from them only their types come through here. The pages that
 * load them: ./worker-page.ts, ./python-page.ts.
 */
export { FakeProcess, FakeWebContainer } from "./fake-webcontainer.ts";
export type { HarnessOptions, HarnessRun } from "./harness.ts";
export type { PythonHarnessOptions, PythonHarnessRun } from "./python-harness.ts";
export type { NodeOutcome } from "./pyodide-node.ts";
export { CSP, startPythonServer, type PythonServer } from "./python-server.ts";
export { manualTimers } from "./manual-timers.ts";
export { runPyodideNode } from "./pyodide-node-client.ts";
export { CHROMIUM, CHROMIUM_ARGS, openPythonPage, type PythonPage } from "./python-page.ts";
export { FakeWorker } from "./fake-worker.ts";
export { openWorkerPage, type WorkerPage } from "./worker-page.ts";
