/**
 * Running programs in a loaded Pyodide, shared by the browser worker (./entry.ts) and
 * the Node-side tests: each program's files go into a directory of their own, its output to
 * `write`, and ./driver.ts runs it like `python3 main.py`, on CPython's own event loop
 * (./loop.ts). A program runs to its end in one synchronous call: its loop sleeps the
 * thread between timers, so nothing needs JS Promise Integration.
 */
import type { PyodideAPI } from "pyodide";
import { DRIVER, DRIVER_MODULE } from "./driver.ts";
import { LOOP_MODULE, LOOP_SOURCE } from "./loop.ts";
import { TRACE_MODULE, TRACE_SOURCE } from "./trace.ts";
import { interruptView } from "./interrupt.ts";
import { StepCommand } from "../../timeline/step-control.ts";
import type { SyntaxErrorInfo } from "../core/index.ts";
import type { FileTree } from "../core/index.ts";

/** 0 = stdout, 1 = stderr. */
export type PythonStream = 0 | 1;

export interface ProgramResult {
  code: number;
  syntaxError?: SyntaxErrorInfo;
  /** The interpreter is as fresh as a new one: it may run the next program. */
  reusable: boolean;
  /** What the program changed that made it unfit, e.g. ["asyncio.sleep"] (at most 10). */
  changes: string[];
}

/** Where a program's files are written: a directory of its own under Pyodide's HOME. */
export const HOME = "/home/pyodide";

/**
 * Sends the interpreter's stdout and stderr to `write`, decoded as UTF-8 (a character split
 * across two writes is kept whole), byte for byte: no line splitting, no added newlines.
 */
export function captureOutput(pyodide: PyodideAPI, write: (stream: PythonStream, text: string) => void): void {
  for (const stream of [0, 1] as const) {
    const decoder = new TextDecoder();
    const writer = {
      write(bytes: Uint8Array): number {
        const text = decoder.decode(bytes, { stream: true });
        if (text !== "") write(stream, text);
        return bytes.length;
      },
    };
    if (stream === 0) pyodide.setStdout(writer);
    else pyodide.setStderr(writer);
  }
}

/** What the interpreter needs of the thread it runs on. */
export interface PythonHost {
  /**
   * Pyodide's interrupt buffer, shared with the page (index 0): the page writes a signal
   * number there (./driver.ts's STOP_SIGNAL) and wakes a sleeping loop with
   * `Atomics.notify`. Without it (no cross-origin isolation) Stop cannot reach the program.
   */
  interrupt?: Int32Array;
  /** Called before the thread sleeps: output so far should reach the reader now. */
  beforeSleep?(): void;
}

/** A shared Int32Array to `Atomics.wait` on, or undefined where no shared memory can be made. */
function sharedCell(): Int32Array | undefined {
  try {
    if (typeof SharedArrayBuffer === "function") return new Int32Array(new SharedArrayBuffer(4));
    // Without cross-origin isolation browsers hide SharedArrayBuffer, not shared WebAssembly memory.
    return new Int32Array(new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer as unknown as SharedArrayBuffer, 0, 1);
  } catch {
    return undefined;
  }
}

/**
 * The thread's sleep, as `_notebook_host.sleep(seconds)` (negative: until interrupted): blocks
 * with `Atomics.wait` on the interrupt buffer, so the page's Stop wakes it, then lets Pyodide
 * raise the interrupt. Where nothing can be waited on, it spins on the clock.
 */
function hostSleep(pyodide: PyodideAPI, host: PythonHost): (seconds: number) => void {
  const own = host.interrupt ? undefined : sharedCell();
  return (seconds) => {
    host.beforeSleep?.();
    const ms = seconds < 0 ? Number.POSITIVE_INFINITY : seconds * 1000;
    const cell = host.interrupt ?? own;
    if (cell) Atomics.wait(cell, 0, 0, ms);
    else for (const end = performance.now() + ms; performance.now() < end; );
    pyodide.checkInterrupt();
  };
}

/**
 * What a run the page records or steps gets from the Python side (./trace.ts): its Timeline
 * events as JSON arrays of `TimelineEvent`s, and, when stepping, each pause's `StepSnapshot`
 * as JSON, answered with the reader's command (src/timeline/step-control.ts's StepCommand).
 */
export interface TraceHost {
  events(json: string): void;
  /** Step through: blocks until the reader says what next. */
  pause?(json: string): number;
}

/** Where the notebook's own modules live, outside any program's directory. */
export const SITE = "/lib/notebook";

/** The notebook's own Python modules, written to SITE in every interpreter: the driver first. */
export const OWN_MODULES: Readonly<Record<string, string>> = { [DRIVER_MODULE]: DRIVER, [LOOP_MODULE]: LOOP_SOURCE, [TRACE_MODULE]: TRACE_SOURCE };

/**
 * Where the worker's standard library (../build/stdlib.ts) keeps their bytecode (a name no
 * import can reach). Hash-based and checked against the source written: a zip older than the
 * code is only slower, never wrong.
 */
export const OWN_BYTECODE = "_notebook-bytecode";

/**
 * Puts SITE on the path, with the bytecode of the notebook's modules where the standard
 * library's zip has it (the worker's does; Pyodide's own, in Node, does not), and loads the
 * driver: a module of its own, kept out of sys.modules, so no program can import it.
 */
const SETUP = String.raw`
import importlib.util, os, sys, zipimport


def setup(site, names, bytecode):
    if site not in sys.path:
        sys.path.append(site)
    for archive in [entry for entry in sys.path if entry.endswith(".zip")]:
        for name in names:
            try:
                data = zipimport.zipimporter(archive).get_data(f"{bytecode}/{name}.pyc")
            except OSError:
                continue
            cache = importlib.util.cache_from_source(f"{site}/{name}.py")
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            with open(cache, "wb") as file:
                file.write(data)
    spec = importlib.util.spec_from_file_location(names[0], f"{site}/{names[0]}.py")
    driver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(driver)
    return driver.run_main
`;

type RunMain = (entry: string, record: boolean, step: boolean) => string;
interface Driver {
  runMain: RunMain;
  runs: number;
  /** The running program's trace, if the page asked for one (what the host module's functions call). */
  state: { trace?: TraceHost | undefined };
}
const drivers = new WeakMap<PyodideAPI, Driver>();

/**
 * The driver, loaded once per interpreter (loading it again would rebind what it patched),
 * with the host's sleep and CPython's loop as modules it imports.
 */
function driverOf(pyodide: PyodideAPI, host: PythonHost): Driver {
  let driver = drivers.get(pyodide);
  if (!driver) {
    const state: { trace?: TraceHost | undefined } = {};
    pyodide.registerJsModule("_notebook_host", {
      sleep: hostSleep(pyodide, host),
      timeline: (json: string) => state.trace?.events(json),
      pause: (json: string) => state.trace?.pause?.(json) ?? StepCommand.RunToEnd, // nobody to answer: run on
    });
    pyodide.FS.mkdirTree(SITE);
    for (const [name, source] of Object.entries(OWN_MODULES)) pyodide.FS.writeFile(`${SITE}/${name}.py`, source);
    if (host.interrupt) pyodide.setInterruptBuffer(interruptView(host.interrupt));
    const namespace = pyodide.toPy({}) as { get(name: string): unknown; destroy(): void };
    pyodide.runPython(SETUP, { globals: namespace as never, filename: "notebook_setup.py" });
    const setup = namespace.get("setup") as ((site: string, names: string[], bytecode: string) => RunMain) & { destroy(): void };
    namespace.destroy();
    const runMain = setup(SITE, Object.keys(OWN_MODULES), OWN_BYTECODE);
    setup.destroy();
    driver = { runMain, runs: 0, state };
    drivers.set(pyodide, driver);
  }
  return driver;
}

/**
 * Runs `entry` of `files` in this interpreter, in a directory of its own (the working
 * directory while it runs), to its end: the thread is busy until then. Returns the exit code,
 * where it failed to compile, and whether the interpreter may run another program (see
 * ./driver.ts). `host` is read on the first run only. An interrupt left over from an
 * earlier run is cleared first.
 */
export function runProgram(pyodide: PyodideAPI, files: FileTree, entry: string, host: PythonHost = {}, trace?: TraceHost): ProgramResult {
  const driver = driverOf(pyodide, host);
  driver.state.trace = trace;
  if (host.interrupt) Atomics.store(host.interrupt, 0, 0);
  const dir = `${HOME}/run-${++driver.runs}`;
  for (const [path, text] of Object.entries(files)) {
    const full = `${dir}/${path}`;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    pyodide.FS.writeFile(full, text);
  }
  pyodide.FS.chdir(dir);
  let json: string;
  try {
    json = driver.runMain(entry, trace !== undefined, trace?.pause !== undefined);
  } finally {
    driver.state.trace = undefined;
  }
  const outcome = JSON.parse(json) as {
    code: number;
    syntax: [number, number, string] | null;
    reusable: boolean;
    changes: string[];
  };
  const { code, reusable, changes } = outcome;
  if (!outcome.syntax) return { code, reusable, changes };
  const [line, column, reason] = outcome.syntax;
  return { code, syntaxError: { message: `${entry}:${line}:${column}: ${reason}`, path: entry, line, column }, reusable, changes };
}
