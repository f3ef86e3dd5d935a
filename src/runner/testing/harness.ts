/**
 * The page script of the worker runtime's browser test (../worker/runtime.browser.test.ts): the real
 * WorkerRuntime and worker, bundled by esbuild, driven from Playwright through `window.runner`.
 */
import { snippetFiles } from "../compile/index.ts";
import type { RunEvent, RunResult } from "../core/index.ts";
import { WorkerRuntime } from "../worker/index.ts";

export interface HarnessRun {
  events: RunEvent[];
  result: RunResult;
  /** Milliseconds from calling `run` to the first stdout/stderr event, if any. */
  firstOutputMs: number | null;
  /** The longest the page's main thread was blocked during the run (setInterval probe). */
  longestStallMs: number;
  /** How many times a 5 ms interval got to run on the page during the run: 0 means frozen. */
  ticks: number;
}

export interface HarnessOptions {
  files?: Array<{ path: string; code: string }>;
  timeoutMs?: number;
  /** Abort after this many ms (the Stop button). */
  stopAfterMs?: number;
  limits?: { lines: number; chars: number };
}

const runtimes = new Map<string, WorkerRuntime>();

function runtime(limits?: HarnessOptions["limits"]): WorkerRuntime {
  const key = JSON.stringify(limits ?? null);
  let found = runtimes.get(key);
  if (!found) {
    found = new WorkerRuntime({
      createWorker: () => new Worker("/worker-entry.js", { type: "module" }) as never,
      ...(limits ? { limits } : {}),
    });
    runtimes.set(key, found);
  }
  return found;
}

async function run(code: string, options: HarnessOptions = {}): Promise<HarnessRun> {
  const files = snippetFiles({ code, files: options.files ?? [] });
  const events: RunEvent[] = [];
  const controller = new AbortController();
  let firstOutputMs: number | null = null;
  let longestStallMs = 0;
  let ticks = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    ticks++;
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 5);
  if (options.stopAfterMs !== undefined) setTimeout(() => controller.abort(), options.stopAfterMs);
  const start = performance.now();
  const result = await runtime(options.limits).run(
    { files, entry: "snippet.js", timeoutMs: options.timeoutMs ?? 10_000, signal: controller.signal },
    (event) => {
      if (firstOutputMs === null && event.type !== "status") firstOutputMs = performance.now() - start;
      events.push(event);
    },
  );
  clearInterval(probe);
  return { events, result, firstOutputMs, longestStallMs, ticks };
}

/** Transpiles like prepareFiles does; resolves with the SnippetSyntaxError's fields, if any. */
function syntaxError(code: string): { name: string; message: string; line: number; column: number } | null {
  try {
    snippetFiles({ code, files: [] });
    return null;
  } catch (error) {
    const e = error as { name: string; message: string; line: number; column: number };
    return { name: e.name, message: e.message, line: e.line, column: e.column };
  }
}

(globalThis as unknown as { runner: unknown }).runner = {
  run,
  syntaxError,
  prewarm: (limits?: HarnessOptions["limits"]) => runtime(limits).prewarm(),
};
