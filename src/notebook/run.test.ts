import { describe, expect, it } from "vitest";
import type { FileTree, PrepareInput, RunEvent, RunNeeds, RunRequest, RunResult, Runtime } from "../runner/index.ts";
import { SnippetSyntaxError } from "../runner/core/index.ts";
import { DEFAULT_TIMEOUT_MS, STEPPING_TIMEOUT_MS, type Cell } from "./cell.ts";
import { describeCell, describeExercise, resultName } from "./outcome.ts";
import { RunSlot, runCell, runExercise, type PythonRoom, type RunDeps, type RunUpdate } from "./run.ts";

const cell: Cell = {
  id: "cell-1",
  code: 'console.log("a")',
  expected: "a\nb",
  files: [],
  line: 1,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  python: 'print("a")',
  pythonExpected: "a\nb",
  pythonInPage: "a\nb",
};

/** A runtime that plays `events`, then ends with `result`; it remembers each request. */
function fakeRuntime(events: RunEvent[], result: Partial<RunResult> = {}, name = "worker", mergesStderr = false) {
  const requests: RunRequest[] = [];
  const runtime: Runtime<string> = {
    name,
    mergesStderr,
    async run(request, onEvent) {
      requests.push(request);
      for (const event of events) onEvent(event);
      return { code: 0, elapsedMs: 5, ...result };
    },
  };
  return { runtime, requests };
}

function deps(runtime: Runtime<string>, overrides: Partial<RunDeps> & { python?: () => Promise<PythonRoom> } = {}) {
  const asked: RunNeeds[] = [];
  const prepared: PrepareInput[] = [];
  const all: RunDeps = {
    getRuntime: async (_signal, needs) => {
      asked.push(needs);
      return runtime as Runtime;
    },
    prepareFiles: async (input) => {
      prepared.push(input);
      return { "snippet.js": input.code } as FileTree;
    },
    onRuntimeStatus: () => () => undefined,
    python: async () => {
      throw new Error("no Python here");
    },
    ...overrides,
  };
  return { deps: all, asked, prepared };
}

function collect(): { updates: RunUpdate[]; onUpdate: (update: RunUpdate) => void } {
  const updates: RunUpdate[] = [];
  return { updates, onUpdate: (update) => updates.push(update) };
}

const out = (text: string): RunEvent => ({ type: "stdout", text });

describe("runCell: the TypeScript half", () => {
  it("runs the cell's code in the runtime it picks and judges a matching output", async () => {
    const { runtime, requests } = fakeRuntime([out("a\n"), out("b\n")]);
    const { deps: d, asked, prepared } = deps(runtime);
    const { updates, onUpdate } = collect();
    const outcome = await runCell({ cell, half: "ts", code: "edited()", signal: new AbortController().signal, onUpdate }, d);

    expect(outcome.kind).toBe("match");
    expect(resultName(outcome)).toBe("match");
    expect(prepared[0]!.code).toBe("edited()");
    expect(asked).toEqual([{ step: false }]);
    expect(requests[0]).toMatchObject({ entry: "snippet.js", timeoutMs: DEFAULT_TIMEOUT_MS });
    expect(requests[0]!.record).toBeUndefined();
    expect(updates[0]).toEqual({ type: "doing", text: "Preparing…" });
    expect(updates).toContainEqual({ type: "started", runtime: "worker", mergesStderr: false });
    const lines = updates.flatMap((u) => (u.type === "lines" ? u.lines : []));
    expect(lines).toEqual([
      { stream: "stdout", text: "a", departs: false },
      { stream: "stdout", text: "b", departs: false },
    ]);
    expect(describeCell(outcome, cell.timeoutMs)).toEqual({ text: "Matches the expected output. Exited with code 0 in 5 ms.", tone: "ok" });
  });

  it("marks the first line that departs, and says where", async () => {
    const { runtime } = fakeRuntime([out("a\nc\n")]);
    const { updates, onUpdate } = collect();
    const outcome = await runCell({ cell, half: "ts", code: cell.code, signal: new AbortController().signal, onUpdate }, deps(runtime).deps);
    expect(outcome.kind).toBe("differs");
    expect(updates.flatMap((u) => (u.type === "lines" ? u.lines : [])).map((l) => l.departs)).toEqual([false, true]);
    expect(describeCell(outcome, cell.timeoutMs).text).toBe("Differs from the expected output at stdout line 2 (marked). Exited with code 0 in 5 ms.");
  });

  it("judges output that stops short only as far as it went when the run was cut", async () => {
    const { runtime } = fakeRuntime([out("a\npartial")], { code: null, reason: "output-limit" });
    const { updates, onUpdate } = collect();
    const outcome = await runCell({ cell, half: "ts", code: cell.code, signal: new AbortController().signal, onUpdate }, deps(runtime).deps);
    expect(outcome).toMatchObject({ kind: "cut", reason: "output-limit", verdict: { matches: false } });
    expect(resultName(outcome)).toBe("differs");
    // The notice comes before the last, partial line, as the page shows it.
    const kinds = updates.slice(-2).map((u) => (u.type === "lines" ? u.lines.map((l) => l.text) : u.type));
    expect(kinds).toEqual(["truncated", ["partial"]]);
  });

  it("judges stderr merged into stdout against both expectations interleaved", async () => {
    const withStderr: Cell = { ...cell, expected: "a", expectedStderr: "oops" };
    const { runtime } = fakeRuntime([out("oops\na\n")], {}, "webcontainer", true);
    const outcome = await runCell({ cell: withStderr, half: "ts", code: cell.code, signal: new AbortController().signal, onUpdate: () => {} }, deps(runtime).deps);
    expect(outcome).toMatchObject({ kind: "match", verdict: { merged: true } });
  });

  it("sends Step through to a runtime that can pause, recording, with no time limit", async () => {
    const { runtime, requests } = fakeRuntime([{ type: "paused", snapshot: { ready: [] } as never }, out("a\nb\n")]);
    const { deps: d, asked } = deps(runtime);
    const step = new SharedArrayBuffer(8);
    const { updates, onUpdate } = collect();
    await runCell({ cell, half: "ts", code: cell.code, signal: new AbortController().signal, onUpdate, step }, d);
    expect(asked).toEqual([{ step: true }]);
    expect(requests[0]).toMatchObject({ step, record: true, timeoutMs: STEPPING_TIMEOUT_MS });
    expect(updates.some((u) => u.type === "paused")).toBe(true);
  });

  it("ends with a syntax error, a stop before the start, or a failure to start, and never rejects", async () => {
    const { runtime } = fakeRuntime([]);
    const bad = deps(runtime, {
      prepareFiles: async () => {
        throw new SnippetSyntaxError("Unexpected token", "snippet.ts", 1, 5);
      },
    }).deps;
    const syntax = await runCell({ cell, half: "ts", code: "let = ;", signal: new AbortController().signal, onUpdate: () => {} }, bad);
    expect(syntax).toEqual({ kind: "syntax-error", message: "snippet.ts:1:5: Unexpected token" });
    expect(resultName(syntax)).toBe("error");

    const controller = new AbortController();
    controller.abort();
    const stopped = await runCell({ cell, half: "ts", code: cell.code, signal: controller.signal, onUpdate: () => {} }, deps(runtime).deps);
    expect(stopped).toEqual({ kind: "stopped-before-start" });

    const broken = deps(runtime, {
      getRuntime: async () => {
        throw new Error("no module workers");
      },
    }).deps;
    const failed = await runCell({ cell, half: "ts", code: cell.code, signal: new AbortController().signal, onUpdate: () => {} }, broken);
    expect(failed).toEqual({ kind: "failed", message: "no module workers" });
    expect(describeCell(failed, cell.timeoutMs)).toEqual({ text: "Could not run: no module workers", tone: "bad" });
  });
});

function pythonRoom(runtime: Runtime<string>, unavailable?: string): PythonRoom {
  return {
    pythonUnavailable: () => unavailable,
    classifyPython: (code: string) =>
      code.includes("threading") ? { runnable: false, reason: "it starts threads", obstacles: [{ line: 1, found: "threading" }] } as never : { runnable: true },
    pythonRuntime: () => runtime as never,
    pythonFiles: (code: string) => ({ "main.py": code }),
    PYTHON_ENTRY: "main.py",
  };
}

describe("runCell: the Python half", () => {
  it("runs the twin as main.py and judges it against what the page's CPython should print", async () => {
    const { runtime, requests } = fakeRuntime([out("a\nb\n"), { type: "stderr", text: "warning\n" }], {}, "pyodide");
    const d = deps(runtime, { python: async () => pythonRoom(runtime) }).deps;
    const outcome = await runCell({ cell: { ...cell, pythonExpected: "recorded" }, half: "py", code: 'print("a")', signal: new AbortController().signal, onUpdate: () => {} }, d);
    expect(outcome.kind).toBe("match");
    expect(requests[0]).toMatchObject({ files: { "main.py": 'print("a")' }, entry: "main.py" });
    expect(requests[0]!.record).toBeUndefined();
  });

  it("records the Python half's Timeline when asked, and steps it on its own worker with no time limit", async () => {
    const { runtime, requests } = fakeRuntime([{ type: "timeline", events: [] }, { type: "paused", snapshot: { ready: [] } as never }, out("a\n")], {}, "pyodide");
    const d = deps(runtime, { python: async () => pythonRoom(runtime) }).deps;
    const py = { ...cell, pythonExpected: "a" };
    await runCell({ cell: py, half: "py", code: 'print("a")', signal: new AbortController().signal, onUpdate: () => {}, record: true }, d);
    expect(requests[0]).toMatchObject({ record: true, timeoutMs: cell.timeoutMs });
    const step = new SharedArrayBuffer(8);
    const { updates, onUpdate } = collect();
    await runCell({ cell: py, half: "py", code: 'print("a")', signal: new AbortController().signal, onUpdate, step }, d);
    expect(requests[1]).toMatchObject({ step, record: true, timeoutMs: STEPPING_TIMEOUT_MS });
    expect(updates.map((u) => u.type)).toEqual(expect.arrayContaining(["timeline", "paused"]));
  });

  it("says why a twin cannot run here, before anything runs", async () => {
    const { runtime, requests } = fakeRuntime([], {}, "pyodide");
    const threads = await runCell(
      { cell, half: "py", code: "import threading", signal: new AbortController().signal, onUpdate: () => {} },
      deps(runtime, { python: async () => pythonRoom(runtime) }).deps,
    );
    expect(threads).toEqual({ kind: "unavailable", why: "This program cannot run in your browser: it starts threads (line 1: threading)." });
    expect(resultName(threads)).toBe("unavailable");
    const noJspi = await runCell(
      { cell, half: "py", code: cell.python!, signal: new AbortController().signal, onUpdate: () => {} },
      deps(runtime, { python: async () => pythonRoom(runtime, "No JSPI here.") }).deps,
    );
    expect(noJspi).toEqual({ kind: "unavailable", why: "No JSPI here." });
    expect(requests).toEqual([]);
  });

  it("reports CPython's syntax error as the run's outcome, with what it printed", async () => {
    const syntaxError = { message: "main.py:1:7: invalid syntax", path: "main.py", line: 1, column: 7 };
    const { runtime } = fakeRuntime([{ type: "stderr", text: "SyntaxError\n" }], { code: 1, syntaxError }, "pyodide");
    const outcome = await runCell(
      { cell, half: "py", code: "print(", signal: new AbortController().signal, onUpdate: () => {} },
      deps(runtime, { python: async () => pythonRoom(runtime) }).deps,
    );
    expect(outcome).toMatchObject({ kind: "syntax-error", message: "main.py:1:7: invalid syntax", ran: { stderr: "SyntaxError\n" } });
    expect(resultName(outcome)).toBe("error");
  });
});

const check = (name: string, ok: boolean, why?: string) => `::check::${JSON.stringify({ name, ok, ...(why ? { why } : {}) })}\n`;

describe("runExercise", () => {
  const source = { code: "checks", files: [] };

  it("reads the checks' reports into a verdict; a pass counts unless it is the shown solution", async () => {
    const { runtime } = fakeRuntime([out(check("runs at once", true)), out("hello\n"), out('::checks-done::{"passed":1,"total":1}\n')]);
    const request = { kind: "check" as const, source, code: "mine()", timeoutMs: 10_000, signal: new AbortController().signal, onUpdate: () => {} };
    const mine = await runExercise(request, deps(runtime).deps);
    expect(mine).toMatchObject({ kind: "checked", verdict: { passed: true }, counts: true });
    expect(describeExercise(mine, 10_000)).toEqual({ text: "Passed: the check holds.", tone: "ok" });
    const shown = await runExercise({ ...request, code: "  mine()  ", solution: "mine()" }, deps(runtime).deps);
    expect(shown).toMatchObject({ kind: "checked", verdict: { passed: true }, counts: false });
    expect(describeExercise(shown, 10_000).text).toMatch(/does not count as solved/);
  });

  it("fails with the first failing check, and Run shows the output as it comes", async () => {
    const { runtime } = fakeRuntime([out(check("runs at once", false, "it took 3 s")), out('::checks-done::{"passed":0,"total":1}\n')], { code: 1 });
    const failed = await runExercise({ kind: "check", source, code: "x", timeoutMs: 10_000, signal: new AbortController().signal, onUpdate: () => {} }, deps(runtime).deps);
    expect(failed).toMatchObject({ kind: "checked", verdict: { passed: false }, counts: false });
    expect(describeExercise(failed, 10_000).text).toMatch(/^Not yet: check 1, “runs at once”, fails: it took 3 s\./);

    const { updates, onUpdate } = collect();
    const ran = await runExercise({ kind: "run", source, code: "x", timeoutMs: 10_000, signal: new AbortController().signal, onUpdate }, deps(fakeRuntime([out("one\ntwo\n")]).runtime).deps);
    expect(ran.kind).toBe("ran");
    expect(updates).toEqual([{ type: "lines", lines: [{ stream: "stdout", text: "one", departs: false }, { stream: "stdout", text: "two", departs: false }] }]);
  });

  it("checks the Python half in the Python runtime, with its own files and entry, and reads the same reports", async () => {
    const { runtime, requests } = fakeRuntime([out(check("runs at once", false, "it took 3 s (inputs from seed 7)")), out('::checks-done::{"passed":0,"total":1}\n')]);
    const { deps: d, prepared, asked } = deps(runtime, { python: async () => pythonRoom(runtime) });
    const files = { "main.py": "checks", "exercise.py": "mine", "check.py": "harness" };
    const request = { half: "py" as const, files, entry: "main.py", kind: "check" as const, code: "mine", timeoutMs: 10_000, signal: new AbortController().signal, onUpdate: () => {} };
    const failed = await runExercise(request, d);
    expect(requests[0]).toMatchObject({ files, entry: "main.py", timeoutMs: 10_000 });
    expect(prepared).toEqual([]);
    expect(asked).toEqual([]);
    expect(describeExercise(failed, 10_000)).toEqual({ text: "Not yet: check 1, “runs at once”, fails: it took 3 s (inputs from seed 7). 0 of 1 check holds.", tone: "bad" });

    const unavailable = await runExercise(request, deps(runtime, { python: async () => pythonRoom(runtime, "No Python here.") }).deps);
    expect(describeExercise(unavailable, 10_000)).toEqual({ text: "No Python here.", tone: "warn" });
    expect(requests).toHaveLength(1);
  });

  it("says the code does not parse", async () => {
    const { runtime } = fakeRuntime([]);
    const d = deps(runtime, {
      prepareFiles: async () => {
        throw new SnippetSyntaxError("Unexpected token", "exercise.ts", 2, 1);
      },
    }).deps;
    const outcome = await runExercise({ kind: "check", source, code: "x", timeoutMs: 10_000, signal: new AbortController().signal, onUpdate: () => {} }, d);
    expect(describeExercise(outcome, 10_000)).toEqual({ text: "Not yet: your code does not parse: exercise.ts:2:1: Unexpected token", tone: "bad" });
  });
});

describe("RunSlot", () => {
  it("runs one at a time: a second start gets the running run, and stop aborts it", async () => {
    const slot = new RunSlot<string>();
    let signal!: AbortSignal;
    let finish!: (value: string) => void;
    const first = slot.start((s) => {
      signal = s;
      return new Promise((resolve) => (finish = resolve));
    });
    expect(slot.running).toBe(true);
    expect(slot.start(async () => "second")).toBe(slot.done);
    slot.stop();
    expect(signal.aborted).toBe(true);
    finish("first");
    expect(await first).toBe("first");
    expect(slot.running).toBe(false);
    expect(await slot.start(async () => "again")).toBe("again");
  });
});
