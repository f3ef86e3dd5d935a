/**
 * The worker runtime's Web Worker: runs one program the way `node snippet.js` would.
 *
 * - Files: the snippet's tree is linked into blob-URL modules ({@link Linker}). The loop
 *   library comes as one module built from src/loop/dist (`runner/asyncio.js`, see
 *   ./library-bundle.ts), imported while the worker waits in reserve, and reaches the
 *   snippet through a small facade module standing in for `node_modules/asyncio`. Its frames
 *   are left out of stack traces here.
 * - Output: `console` and `process.stdout/stderr.write` print like Node, batched and capped
 *   ({@link OutputChannel}); stack traces say `snippet.ts:LINE:COL`.
 * - End: the program is over once its module is evaluated and nothing is pending
 *   ({@link Liveness}: user timers, and the loop library's host primitives through
 *   `setHost`); an uncaught exception or unhandled rejection prints like Node and exits 1.
 *
 * Stop, timeout and the output cap are enforced by the page, which terminates the worker.
 */
import { type Host, MacrotaskQueue } from "asyncio/host";
import { inspect } from "./format.ts";
import { LIBRARY_MODULE, siteUrl } from "../core/index.ts";
import { Liveness, trackTimers } from "./liveness.ts";
import { Linker, linkerReady } from "./link.ts";
import { ModuleResolutionError } from "./resolve.ts";
import { stackRewriter } from "../core/index.ts";
import { inlineSourceMap } from "../core/index.ts";
import { createConsole } from "./console.ts";
import { OutputChannel } from "../core/index.ts";
import type { FromWorker, ToWorker } from "../core/index.ts";
import type { FileTree } from "../core/index.ts";
import { buildFileTree } from "../core/index.ts";
import { startRecording, watchOwnLoops } from "./timeline.ts";

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  addEventListener(type: "unhandledrejection", listener: (event: PromiseRejectionEvent) => void): void;
}

interface Library {
  getHost?: () => Host;
  setHost?: (host: Host | null) => void;
  [name: string]: unknown;
}

const LIBRARY_KEY = Symbol.for("asyncio-notebook.library");

/**
 * `node_modules/asyncio` as the snippet sees it in this worker: a facade re-exporting the
 * bundled library, and a `./node` entry that explains why it is missing.
 */
function libraryFacade(asyncio: Library): FileTree {
  (globalThis as Record<symbol, unknown>)[LIBRARY_KEY] = asyncio;
  const names = Object.keys(asyncio).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== "default");
  return {
    "node_modules/asyncio/package.json": JSON.stringify({ type: "module", exports: { ".": "./index.js", "./node": "./node.js" } }),
    "node_modules/asyncio/index.js":
      `const library = globalThis[Symbol.for("asyncio-notebook.library")];\n` +
      `export const { ${names.join(", ")} } = library;\n`,
    "node_modules/asyncio/node.js":
      'throw new Error("asyncio/node (TCP streams) needs Node.js: switch this cell to the WebContainer runtime");\n',
  };
}

const scope = globalThis as unknown as WorkerScope & typeof globalThis;
const now = (): number => performance.now();

// Runtime-internal tasks: a MessageChannel and the original timers do not keep the program alive.
const internal = new MacrotaskQueue(new MessageChannel());
const nextTask = (callback: () => void): void => void internal.schedule(callback);

let tree: FileTree = {};
let exited = false;
/** The entry module's body has begun to run (its start marker ran). */
let started = false;
/** The entry module's evaluation promise settled (fulfilled or rejected). */
let settled = false;
/** ...and fulfilled. */
let evaluated = false;
let rewrite: (text: string) => string = (text) => text;

const output = new OutputChannel({
  post: (message) => scope.postMessage(message),
  schedule: nextTask,
  now,
});
const write = (stream: 0 | 1, text: string): void => {
  if (exited) return;
  if (stream === 0) recordStdout(text);
  output.write(stream, text);
};

/** A run has begun: from now on timers and console output are the program's. */
let running = false;

/** Dev server only: Vite's HMR client runs in workers too; its logs and ping are not the program's. */
const DEV = import.meta.env?.DEV === true;
const fromViteClient = (): boolean => DEV && (new Error().stack ?? "").includes("/@vite/client");

const liveness = new Liveness(() => checkIdle());
const timers = trackTimers(
  scope,
  liveness,
  (error) => uncaught(error, "exception"),
  () => running && !fromViteClient(),
);

const linker = new Linker({
  createUrl: (source) => URL.createObjectURL(new Blob([source], { type: "text/javascript" })),
  revokeUrl: (url) => URL.revokeObjectURL(url),
});

const original: Partial<Console> = { ...console };
const captured = createConsole(write, now, (text) => rewrite(text));
for (const [name, method] of Object.entries(captured) as Array<[keyof typeof captured, (...args: unknown[]) => void]>) {
  // Before the run (and the dev server's own chatter) goes to the real console, not the program's output.
  console[name] = (...args: unknown[]) =>
    running && !(DEV && typeof args[0] === "string" && args[0].startsWith("[vite]"))
      ? method(...args)
      : (original[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
}
installProcess();

/**
 * Ends the program: flushes output, reports the exit code, and ignores everything after
 * (the page terminates the worker on `exit`).
 */
function exit(code: number): void {
  if (exited) return;
  flushTimeline();
  output.close();
  exited = true;
  scope.postMessage({ type: "exit", code });
}

/**
 * Ends the program if nothing is pending. Waits a task and then a short grace period first:
 * queued microtasks must run, and Chrome dispatches `unhandledrejection` (exit code 1, not 0)
 * a little later than the tasks queued meanwhile, so zero-delay hops are not enough.
 */
function checkIdle(): void {
  if (exited || !started) return;
  nextTask(() =>
    timers.setTimeout(() => {
      if (exited || liveness.pending > 0) return;
      if (evaluated) {
        exit(processExitCode ?? 0);
      } else if (!settled) {
        // Node's exit for a top-level `await` on something that can no longer settle.
        write(1, "Warning: Detected unsettled top-level await\n");
        exit(13);
      }
    }, EXIT_GRACE_MS),
  );
}

/** See {@link checkIdle}; measured: the event comes about 0.5 ms after the last task. */
const EXIT_GRACE_MS = 10;

/** Prints an uncaught exception or unhandled rejection the way Node does, then exits 1. */
function uncaught(error: unknown, kind: "exception" | "rejection"): void {
  if (exited) return;
  if (error instanceof ModuleResolutionError) {
    write(1, `${rewrite(`Error [${error.code}]: ${error.message}`)}\n`);
  } else if (error instanceof Error || Object.prototype.toString.call(error) === "[object Error]") {
    write(1, `${header(error as Error)}${rewrite(inspect(error))}\n`);
  } else if (kind === "rejection") {
    write(
      1,
      "UnhandledPromiseRejection: This error originated either by throwing inside of an async function " +
        "without a catch block, or by rejecting a promise which was not handled with .catch(). " +
        `The promise rejected with the reason "${inspect(error)}".\n`,
    );
  } else {
    write(1, `${rewrite(inspect(error))}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)\n`);
  }
  exit(1);
}

/** Node's `file:LINE` / source line / caret above an uncaught error, from its top frame in the tree. */
function header(error: Error): string {
  const frame = /\((\S+):(\d+):(\d+)\)$|at (\S+):(\d+):(\d+)$|@(\S+):(\d+):(\d+)$/m;
  for (const line of String(error.stack ?? "").split("\n").slice(1)) {
    const match = frame.exec(line);
    if (!match) continue;
    const [url, lineNo, column] = (match[1] ? match.slice(1, 4) : match[4] ? match.slice(4, 7) : match.slice(7, 10)) as [string, string, string];
    const path = linker.pathOf(url);
    if (path === undefined) continue;
    const source = tree[path]?.split("\n")[Number(lineNo) - 1];
    if (source === undefined) return "";
    const name = inlineSourceMap(tree[path]!)?.source ?? path;
    return `${name}:${lineNo}\n${source}\n${" ".repeat(Math.max(0, Number(column) - 1))}^\n\n`;
  }
  return "";
}

let processExitCode: number | undefined;

/** The parts of Node's `process` a snippet is likely to use. */
function installProcess(): void {
  const decoder = new TextDecoder();
  const stream = (fd: 0 | 1) => ({
    isTTY: false,
    write(chunk: unknown): boolean {
      write(fd, typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array));
      return true;
    },
  });
  const process = {
    stdout: stream(0),
    stderr: stream(1),
    env: {} as Record<string, string>,
    argv: ["node", "/snippet.js"],
    platform: "browser",
    get exitCode() {
      return processExitCode;
    },
    set exitCode(code: number | undefined) {
      processExitCode = code;
    },
    exit(code?: number): never {
      exit(code ?? processExitCode ?? 0);
      // Nothing after process.exit() may run; throwing is the closest a worker gets.
      throw new Error("process.exit() called");
    },
    nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
      queueMicrotask(() => callback(...args));
    },
  };
  Object.defineProperty(scope, "process", { value: process, configurable: true, writable: true });
}

/** Wraps the library's host so that its armed wake-ups keep the program alive. */
function trackHost(hooks: Library): void {
  if (typeof hooks.getHost !== "function" || typeof hooks.setHost !== "function") return;
  const base = hooks.getHost();
  const releases = new Map<unknown, () => void>();
  const arm = (schedule: (callback: () => void) => unknown, callback: () => void): unknown => {
    const release = liveness.hold();
    const token = schedule(() => {
      releases.delete(token);
      try {
        callback();
      } catch (error) {
        uncaught(error, "exception");
      } finally {
        release();
      }
    });
    releases.set(token, release);
    return token;
  };
  const disarm = (token: unknown): void => {
    const release = releases.get(token);
    releases.delete(token);
    release?.();
  };
  hooks.setHost({
    now: () => base.now(),
    setImmediate: (callback) => arm((wrapped) => base.setImmediate(wrapped), callback),
    clearImmediate: (token) => {
      base.clearImmediate(token);
      disarm(token);
    },
    setTimeout: (callback, ms) => arm((wrapped) => base.setTimeout(wrapped, ms), callback),
    clearTimeout: (token) => {
      base.clearTimeout(token);
      disarm(token);
    },
  });
}

let facade: FileTree = {};
let library: Library = {};
/** Sends the timeline events still batched (before output is judged, or a pause is shown). */
let flushTimeline = (): void => {};
/** Tells the recording what the program printed (which task printed which line). */
let recordStdout = (_text: string): void => {};

/**
 * Everything a run needs that does not depend on the program, done while the worker waits in
 * reserve: the library is fetched and evaluated, the lexer compiles its WebAssembly (lazily,
 * on first calls), V8 compiles functions on first call, and the facade module is loaded.
 * Otherwise they would all delay the first output.
 */
async function warmUp(): Promise<void> {
  const url = new URL(siteUrl(LIBRARY_MODULE), scope.location.href).href;
  let asyncio: Library;
  try {
    asyncio = (await import(/* @vite-ignore */ url)) as Library;
  } catch (error) {
    throw new Error(`the loop library did not load from ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  await linkerReady;
  trackHost(asyncio);
  library = asyncio;
  facade = libraryFacade(asyncio);
  const sample: FileTree = { ...facade, "warm-up.js": 'import * as a from "asyncio";\nexport const b = `${Object.keys(a).length}`;\n' };
  linker.update(sample);
  await import(/* @vite-ignore */ linker.link("warm-up.js"));
  stackRewriter(sample, { locate: (url) => linker.pathOf(url) })("Error\n    at f (blob:x:1:1)");
  inspect({ warm: [1, "up"] });
}

const ready: Promise<void> = warmUp();

async function run(files: FileTree, entry: string, record: boolean, step: SharedArrayBuffer | undefined): Promise<void> {
  await ready;
  running = true;
  tree = buildFileTree(files, facade);
  const recording = record || step ? startRecording(library, {
    post: (message) => scope.postMessage(message),
    schedule: nextTask,
    flushOutput: () => output.flush(),
    pathOf: (url) => linker.pathOf(url),
    step,
  }) : null;
  if (recording) tree = recording.track(tree);
  linker.update(tree);
  if (recording) {
    flushTimeline = recording.flush;
    recordStdout = recording.stdout;
    if (recording.watcher) {
      // A module that fails to load fails the same way when the entry imports it, and says so there.
      await watchOwnLoops(tree, (path) => import(/* @vite-ignore */ linker.link(path)), recording.watcher).catch(() => undefined);
    }
  }
  rewrite = stackRewriter(tree, { locate: (url) => linker.pathOf(url), hideForeignFrames: true });
  let url: string;
  try {
    url = linker.link(entry, `\nimport ${JSON.stringify(startMarker())};\n`);
  } catch (error) {
    uncaught(error, "exception");
    return;
  }
  import(/* @vite-ignore */ url).then(
    () => {
      settled = evaluated = true;
      checkIdle();
    },
    (error: unknown) => {
      settled = true;
      uncaught(error, "exception");
    },
  );
}

/** A module that marks the start of the entry's body; see {@link Linker.link}'s epilogue. */
function startMarker(): string {
  const key = Symbol.for("asyncio-notebook.started");
  (globalThis as Record<symbol, unknown>)[key] = () => {
    started = true;
    checkIdle();
  };
  const source = `globalThis[Symbol.for("asyncio-notebook.started")]();\n`;
  return URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
}

scope.addEventListener("message", (event) => {
  if (event.data.type === "run") void run(event.data.files, event.data.entry, event.data.record === true, event.data.step);
});

ready.then(
  () => scope.postMessage({ type: "ready" }),
  (error: unknown) =>
    scope.postMessage({ type: "fatal", message: `The in-page worker could not start: ${error instanceof Error ? error.message : String(error)}` }),
);

scope.addEventListener("error", (event) => {
  event.preventDefault();
  uncaught(event.error ?? new Error(event.message), "exception");
});

scope.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  uncaught(event.reason, "rejection");
});
