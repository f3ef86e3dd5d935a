/**
 * The WebContainer runtime: real Node.js in the page (StackBlitz's WebContainer), running
 * `node snippet.js` over the same file tree the Node-side check runs.
 *
 * Each run mounts the whole tree (snippet + library, {@link buildFileTree}) in a fresh
 * directory, spawns node there, streams the terminal output, and kills the process on Stop,
 * timeout or the output cap. The terminal merges stderr into stdout, so this runtime reports
 * everything as stdout (`mergesStderr`); colour is switched off and escape sequences are
 * stripped, and stack traces are rewritten to `snippet.ts:LINE:COL` like the worker's.
 */
import { SideChannel } from "../../timeline/side-channel.ts";
import { loadLibrary, siteUrl } from "../core/index.ts";
import { OutputCap, truncationNotice, type OutputLimits } from "../core/index.ts";
import type { FileTree, RunEvent, RunRequest, RunResult, Runtime } from "../core/index.ts";
import { directoryLocator, stackRewriter } from "../core/index.ts";
import { buildFileTree } from "../core/index.ts";
import type { WebContainerBoot } from "./boot.ts";

/** The part of `@webcontainer/api`'s `WebContainerProcess` this runtime uses. */
export interface ProcessLike {
  output: ReadableStream<string>;
  exit: Promise<number>;
  kill(): void;
}

/** The part of `@webcontainer/api`'s `WebContainer` this runtime uses (tests pass a fake). */
export interface WebContainerLike {
  readonly workdir: string;
  mount(tree: FileSystemTree, options?: { mountPoint?: string }): Promise<void>;
  spawn(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<ProcessLike>;
  fs: {
    mkdir(path: string, options: { recursive: true }): Promise<unknown>;
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
  };
}

/** `@webcontainer/api`'s nested tree. */
export interface FileSystemTree {
  [name: string]: { file: { contents: string } } | { directory: FileSystemTree };
}

/** A flat tree (`a/b.js`) as WebContainer's nested one. */
export function toFileSystemTree(tree: FileTree): FileSystemTree {
  const root: FileSystemTree = {};
  for (const [path, contents] of Object.entries(tree)) {
    const parts = path.split("/");
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      const node = (dir[part] ??= { directory: {} });
      if (!("directory" in node)) throw new Error(`${path}: ${part} is a file`);
      dir = node.directory;
    }
    dir[parts[parts.length - 1]!] = { file: { contents } };
  }
  return root;
}

// CSI and OSC sequences, as Node's own stripVTControlCharacters matches them.
const ANSI = new RegExp(
  "(?:\\u001B\\][\\s\\S]*?(?:\\u0007|\\u001B\\u005C|\\u009C))|[\\u001B\\u009B][[\\]()#;?]*(?:\\d{1,4}(?:[;:]\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~]",
  "g",
);

/** Terminal text → plain program output: `\r\n` → `\n`, escape sequences removed. */
export function cleanTerminalText(text: string): string {
  return text.replace(ANSI, "").replace(/\r\n/g, "\n");
}

/** No colour from Node, whatever the terminal says it can do. */
const ENV = { NO_COLOR: "1", NODE_DISABLE_COLORS: "1", FORCE_COLOR: "0" };

/** Wait this long for trailing output once the process exited. */
const DRAIN_MS = 250;
/** A partial last line is shown after this long without a newline. */
const PARTIAL_LINE_MS = 50;

export interface WebContainerRuntimeOptions {
  boot: WebContainerBoot;
  library?: () => Promise<FileTree>;
  /** The timeline hook module's source (src/timeline/node-hook.ts, built), for recorded runs. */
  timelineHook?: () => Promise<string>;
  limits?: OutputLimits;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class WebContainerRuntime implements Runtime {
  readonly name = "webcontainer" as const;
  /** The terminal carries stderr and stdout as one stream, reported as stdout. */
  readonly mergesStderr = true;
  private _runs = 0;
  private readonly _boot: WebContainerBoot;
  private readonly _library: () => Promise<FileTree>;
  private readonly _timelineHook: () => Promise<string>;
  private readonly _limits: OutputLimits | undefined;
  private readonly _now: () => number;
  private readonly _setTimer: (callback: () => void, ms: number) => unknown;
  private readonly _clearTimer: (handle: unknown) => void;

  constructor(options: WebContainerRuntimeOptions) {
    this._boot = options.boot;
    this._library = options.library ?? (() => loadLibrary());
    this._timelineHook = options.timelineHook ?? loadTimelineHook;
    this._limits = options.limits;
    this._now = options.now ?? (() => performance.now());
    this._setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this._clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as number));
  }

  /**
   * Runs `node ENTRY` over `request.files` plus the library.
   *
   * Status events mark the stages (booting, mounting, starting). Resolves with node's exit
   * code, or `code` null and `reason` "stopped" / "timeout" (from the spawn on) /
   * "output-limit" after killing it. Stop works at every stage. Rejects only when the
   * WebContainer cannot boot ({@link BootError}) or mounting/spawning fails.
   */
  async run(request: RunRequest, onEvent: (event: RunEvent) => void): Promise<RunResult> {
    const start = this._now();
    const elapsed = (): number => this._now() - start;
    const { signal } = request;
    const stopped = (): RunResult => ({ code: null, reason: "stopped", elapsedMs: elapsed() });
    if (signal.aborted) return stopped();

    if (this._boot.state !== "ready") onEvent({ type: "status", text: "Booting WebContainer…" });
    const container = await abortable(this._boot.start(), signal);
    if (container === undefined) return stopped();

    onEvent({ type: "status", text: "Mounting files…" });
    const library = await abortable(this._library(), signal);
    if (library === undefined) return stopped();
    const tree = buildFileTree(request.files, library);
    // A recorded run loads the timeline hook first; its events come back on a side channel.
    const args = [request.entry];
    if (request.record) {
      const hook = await abortable(this._timelineHook(), signal);
      if (hook === undefined) return stopped();
      tree[TIMELINE_HOOK] = hook;
      args.unshift("--import", `./${TIMELINE_HOOK}`);
    }
    const dir = `runs/${++this._runs}`;
    await container.fs.mkdir(dir, { recursive: true });
    await container.mount(toFileSystemTree(tree), { mountPoint: dir });
    const cleanup = (): void => void container.fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    if (signal.aborted) {
      cleanup();
      return stopped();
    }

    onEvent({ type: "status", text: "Starting node…" });
    const process = await container.spawn("node", args, { cwd: dir, env: ENV });
    const rewrite = stackRewriter(tree, { locate: directoryLocator(`${container.workdir}/${dir}`) });
    try {
      return await this._supervise(process, request, onEvent, rewrite, elapsed);
    } finally {
      cleanup();
    }
  }

  private _supervise(
    process: ProcessLike,
    request: RunRequest,
    onEvent: (event: RunEvent) => void,
    rewrite: (text: string) => string,
    elapsed: () => number,
  ): Promise<RunResult> {
    const cap = new OutputCap(this._limits);
    const reader = process.output.getReader();
    const side = request.record ? new SideChannel() : null;
    let partial = "";
    let partialTimer: unknown;
    let done = false;

    return new Promise<RunResult>((resolve) => {
      const emit = (raw: string, last = false): void => {
        if (done) return;
        let text = raw;
        if (side) {
          const taken = side.take(raw);
          if (taken.events.length > 0) onEvent({ type: "timeline", events: taken.events });
          text = last ? taken.output + side.end() : taken.output;
        }
        if (text === "") return;
        const admitted = cap.take(rewrite(text));
        if (admitted !== "") onEvent({ type: "stdout", text: admitted });
        if (cap.exceeded) {
          onEvent({ type: "status", text: truncationNotice(this._limits) });
          kill("output-limit");
        }
      };
      const flushPartial = (last = false): void => {
        this._clearTimer(partialTimer);
        const text = partial;
        partial = "";
        emit(text, last);
      };
      const finish = (result: Omit<RunResult, "elapsedMs">): void => {
        if (done) return;
        flushPartial(true);
        done = true;
        this._clearTimer(timer);
        this._clearTimer(partialTimer);
        request.signal.removeEventListener("abort", onAbort);
        void reader.cancel().catch(() => undefined);
        resolve({ ...result, elapsedMs: elapsed() });
      };
      const kill = (reason: NonNullable<RunResult["reason"]>): void => {
        if (done) return;
        process.kill();
        finish({ code: null, reason });
      };
      const onAbort = (): void => kill("stopped");
      const timer = this._setTimer(() => kill("timeout"), request.timeoutMs);
      request.signal.addEventListener("abort", onAbort, { once: true });
      if (request.signal.aborted) return onAbort(); // Stop came while node was starting

      // Complete lines go out at once (rewritten whole); a partial line waits a moment for the rest.
      const pump = async (): Promise<void> => {
        for (;;) {
          const { value, done: ended } = await reader.read();
          if (ended || done) return;
          const text = partial + cleanTerminalText(value);
          const cut = text.lastIndexOf("\n") + 1;
          partial = text.slice(cut);
          emit(text.slice(0, cut));
          this._clearTimer(partialTimer);
          if (partial !== "") partialTimer = this._setTimer(flushPartial, PARTIAL_LINE_MS);
        }
      };
      const drained = pump().catch(() => undefined);
      process.exit.then(
        async (code) => {
          // Output written just before exit may still be in the stream.
          await Promise.race([drained, new Promise((r) => this._setTimer(() => r(undefined), DRAIN_MS))]);
          finish({ code });
        },
        () => finish({ code: null }),
      );
    });
  }
}

/** Where a recorded run's tree holds the timeline hook. */
const TIMELINE_HOOK = "timeline-hook.js";

let timelineHook: Promise<string> | undefined;

/** The timeline hook the site build serves (src/pages/runner/timeline-hook.js.ts), fetched once. */
function loadTimelineHook(): Promise<string> {
  timelineHook ??= fetch(siteUrl("runner/timeline-hook.js")).then(async (response) => {
    if (!response.ok) throw new Error(`Could not load the timeline recorder: HTTP ${response.status}`);
    return response.text();
  });
  timelineHook.catch(() => (timelineHook = undefined));
  return timelineHook;
}

/** `promise`'s value, or undefined as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
