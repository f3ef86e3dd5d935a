/**
 * The runner, as the page uses it: one interface ({@link Runtime}), two runtimes
 * (WebContainer, in-page worker), and the policy that picks one.
 *
 * ```ts
 * const files = await prepareFiles({ code, files: cell.files, compiled });
 * const runtime = await getRuntime();
 * const result = await runtime.run({ files, entry: ENTRY, timeoutMs, signal }, onEvent);
 * ```
 *
 * Loading this module loads neither Sucrase (only {@link prepareFiles} of edited code does)
 * nor `@webcontainer/api` (only the first WebContainer boot does).
 */
import type { CompiledCell, SnippetSource } from "./compile/index.ts";
import { loadLibrary, type FileTree, type Runtime } from "./core/index.ts";
import { RuntimeSelector, type RunNeeds, type RuntimePreference, type RuntimeStatus } from "./select.ts";
import { WebContainerBoot, WebContainerRuntime } from "./webcontainer/index.ts";
import { WorkerRuntime } from "./worker/index.ts";

export type { FileTree, RunEvent, RunRequest, RunResult, Runtime } from "./core/index.ts";
export type { CompiledCell, SnippetSource } from "./compile/index.ts";
export type { RunNeeds, RuntimeName, RuntimePreference, RuntimeStatus } from "./select.ts";
export { RUNTIME_STORAGE_KEY, RuntimeSelector } from "./select.ts";
export { ENTRY, OUTPUT_LIMITS, SnippetSyntaxError } from "./core/index.ts";

interface Runner {
  boot: WebContainerBoot;
  worker: WorkerRuntime;
  webcontainer: WebContainerRuntime;
  selector: RuntimeSelector;
}

let runner: Runner | undefined;

function get(): Runner {
  if (!runner) {
    const boot = new WebContainerBoot();
    const worker = new WorkerRuntime();
    const webcontainer = new WebContainerRuntime({ boot });
    const selector = new RuntimeSelector({
      boot,
      worker: () => worker,
      webcontainer: () => webcontainer,
      storage: safeStorage("localStorage"),
      session: safeStorage("sessionStorage"),
    });
    runner = { boot, worker, webcontainer, selector };
  }
  return runner;
}

function safeStorage(name: "localStorage" | "sessionStorage"): Storage | undefined {
  try {
    return globalThis[name];
  } catch {
    return undefined;
  }
}

/**
 * The runtime for the next run, at once (see ./select.ts for the policy): with the
 * WebContainer preferred but not ready, the worker, while the first call starts the
 * WebContainer's boot in the background. Step through (`needs.step`) gets the worker.
 * @param signal aborting stops waiting for the boot.
 */
export function getRuntime(signal?: AbortSignal, needs?: RunNeeds): Promise<Runtime> {
  return get().selector.getRuntime(signal, needs);
}

/**
 * Calls `listener` with the current status at once and on every change:
 * `{ name, state: "booting" | "ready" | "unavailable", reason?, preferred }`.
 * @returns the unsubscribe function.
 */
export function onRuntimeStatus(listener: (status: RuntimeStatus) => void): () => void {
  return get().selector.onStatus(listener);
}

/**
 * Remembers the reader's choice of runtime (localStorage) and applies it from the next run.
 * `"auto"` forgets any choice: the WebContainer where the page is cross-origin isolated, else
 * the in-page worker.
 */
export function setPreferredRuntime(choice: RuntimePreference): void {
  get().selector.setPreferred(choice);
}

/** What {@link prepareFiles} needs to know about a cell. */
export interface PrepareInput extends SnippetSource {
  /**
   * The build's output for the unedited cell (`compileCell()` of ./compile/files.ts): used as is
   * while `code` is still what it was built from, so an unedited cell needs no Sucrase.
   */
  compiled?: CompiledCell;
}

/**
 * The cell's files (`package.json`, `snippet.js`, `NAME.js`; the runtimes add the library)
 * for its current code. Unedited code reuses the build's precompiled tree; edited code is
 * transpiled here, loading Sucrase on first need.
 * @throws SnippetSyntaxError (`message` "snippet.ts:LINE:COL: ...", plus `line`, `column`)
 *   when the code does not parse.
 */
export async function prepareFiles(input: PrepareInput): Promise<FileTree> {
  if (input.compiled && input.compiled.code === input.code) return input.compiled.tree;
  const { snippetFiles } = await import("./compile/index.ts");
  return snippetFiles(input);
}

/**
 * Gets ready for a fast first run, when the page is idle: starts a spare worker (which loads
 * the library it bundles) and fetches the library's files for the WebContainer. Does not
 * boot the WebContainer (that waits for a run). Never rejects.
 */
export async function prewarm(): Promise<void> {
  const { worker, selector } = get();
  worker.prewarm();
  if (selector.preferred === "webcontainer") await loadLibrary().catch(() => undefined);
}
