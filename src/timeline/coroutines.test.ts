import { describe, expect, it } from "vitest";
import * as asyncio from "../loop/index.ts";
import { coroutineTracker, TRACK_KEY, trackCoroutineDeclarations } from "./coroutines.ts";
import { TimelineRecorder } from "./instrument.ts";
import { fold, noteText } from "./record.ts";

const track = (name: string): string => `${name} = globalThis[Symbol.for("${TRACK_KEY}")](${name}); `;

describe("trackCoroutineDeclarations", () => {
  it("rebinds each function* declaration at the top of its module or block, keeping every line", () => {
    const source = [
      'import * as asyncio from "asyncio";',
      "export function* main() {",
      "  function* inner(x) { yield* asyncio.sleep(x); }",
      "  if (true) {",
      "    function* local() {}",
      "  }",
      "}",
      "function* top() {}",
    ].join("\n");
    const out = trackCoroutineDeclarations(source);
    expect(out.split("\n")).toEqual([
      `${track("main")}${track("top")}import * as asyncio from "asyncio";`,
      `export function* main() {${track("inner")}`,
      "  function* inner(x) { yield* asyncio.sleep(x); }",
      `  if (true) {${track("local")}`,
      "    function* local() {}",
      "  }",
      "}",
      "function* top() {}",
    ]);
  });

  it("leaves generator expressions and methods, strings, comments, templates and regular expressions alone", () => {
    const source = [
      "const f = function* named() {};",
      "run(function* task() {});",
      "const o = { *method() {} };",
      'const s = "function* fake() {";',
      "// function* commented() {",
      "/* function* blocked() { */",
      "const t = `function* templ() { ${1 + { a: 1 }.a} function* again() {`;",
      "const r = /function* rx\\(/.test(s) ? 1 / 2 : 3;",
      "const q = x / 2; function* real() {}",
      "async function* agen() {}",
      "switch (s) { case 1: function* inCase() {} }",
      "if (s) /x/.test(s);",
    ].join("\n");
    const out = trackCoroutineDeclarations(source);
    expect(out).toBe(`${track("real")}${source}`);
  });

  it("sees a declaration after a statement without a semicolon", () => {
    expect(trackCoroutineDeclarations("let a = 1\nfunction* g() {}\n")).toBe(`${track("g")}let a = 1\nfunction* g() {}\n`);
  });
});

describe("coroutineTracker", () => {
  it("keeps the function a generator function by name, length, instanceof and isCoroutineFunction, and marks its coroutines started on first use", () => {
    const made: Array<[object, string]> = [];
    const wrap = coroutineTracker((coro, name) => void made.push([coro, name]));
    function* work(a: number, b: number): asyncio.Coroutine<number> {
      yield* asyncio.sleep(0);
      return a + b;
    }
    const tracked = wrap(work as never) as unknown as typeof work;
    expect([tracked.name, tracked.length, asyncio.isCoroutineFunction(tracked)]).toEqual(["work", 2, true]);
    const unstarted = tracked(1, 2);
    const started = tracked(3, 4);
    expect(unstarted instanceof tracked).toBe(true);
    expect(started.next().done).toBe(false);
    expect(started.next()).toEqual({ done: true, value: 7 });
    const closed = tracked(0, 0);
    closed.return(0);
    expect(made.map(([coro, name]) => [name, asyncio.coroutineStarted(coro)])).toEqual([
      ["work", false],
      ["work", true],
      ["work", true],
    ]);
  });

  it("through the recorder: a reader's coroutine never awaited is noted with its name; awaited, gathered or made into a task, it is not", async () => {
    const recorder = new TimelineRecorder({ ...asyncio, locate: () => ({ path: "snippet.ts", line: 7 }) });
    const key = Symbol.for(TRACK_KEY);
    (globalThis as Record<symbol, unknown>)[key] = coroutineTracker((coro, name) => recorder.coroutineMade(coro, name));
    try {
      const program = trackCoroutineDeclarations(
        [
          "function* forgotten() { yield* asyncio.sleep(1); }",
          "function* awaited() { yield* asyncio.sleep(0.1); }",
          "function* main() {",
          "  forgotten();",
          "  yield* awaited();",
          "  yield* asyncio.gather(awaited(), awaited());",
          "  yield* asyncio.createTask(awaited());",
          "  const later = awaited();",
          "  yield* asyncio.sleep(0.1);",
          "  yield* later;",
          "}",
          "return main;",
        ].join("\n"),
      );
      const main = new Function("asyncio", program)(asyncio) as () => asyncio.Coroutine<void>;
      await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder] });
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
    const timeline = fold(recorder.events);
    expect(timeline.notes.map((note) => noteText(note, timeline))).toEqual(["At 0.000 s: coroutine 'forgotten' was created and never awaited (line 7)"]);
  });
});
