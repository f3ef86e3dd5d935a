/**
 * The worker runtime in a real browser (Debian's Chromium through Playwright): the actual
 * worker bundle (esbuild), the actual loop library (src/loop/dist), and the bad inputs a reader
 * can throw at it. (Its speed, Run → first output, is measured by bench/first-output.ts. Every
 * chapter cell runs in this same worker through the page, in e2e/cells.test.ts.)
 *
 * Self-contained: a tiny HTTP server serves the harness page (../testing/worker-page.ts), the
 * worker, and the library module the build serves at runner/asyncio.js. Skipped when /usr/bin/chromium is missing.
 */
import { existsSync } from "node:fs";
import type { Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellProblems } from "../../notebook/index.ts";
import type { RunEvent } from "../core/index.ts";
import { CHROMIUM, openWorkerPage, type HarnessOptions, type HarnessRun, type WorkerPage } from "../testing/index.ts";

let harness: WorkerPage | undefined;
let page: Page;

beforeAll(async () => {
  harness = await openWorkerPage("runner");
  if (harness) page = harness.page;
}, 60_000);

afterAll(() => harness?.close());

const run = (code: string, options?: HarnessOptions): Promise<HarnessRun> => harness!.run(code, options);

const stream = (events: RunEvent[], type: "stdout" | "stderr"): string =>
  events.flatMap((e) => (e.type === type ? [e.text] : [])).join("");

describe.skipIf(!existsSync(CHROMIUM))("the worker runtime in Chromium", () => {
  it("runs an asyncio program against the real library, in order, and exits 0", async () => {
    const { events, result } = await run(
      [
        'import * as asyncio from "asyncio";',
        "function* worker(name: string, delay: number): asyncio.Coroutine<string> {",
        "  console.log(`${name} starts`);",
        "  yield* asyncio.sleep(delay);",
        "  console.log(`${name} done`);",
        "  return name.toUpperCase();",
        "}",
        "function* main(): asyncio.Coroutine<void> {",
        '  const results = yield* asyncio.gather(worker("a", 0.02), worker("b", 0.01));',
        "  console.log(results);",
        "}",
        "asyncio.run(main());",
      ].join("\n"),
    );
    expect(stream(events, "stderr")).toBe("");
    expect(stream(events, "stdout")).toBe("a starts\nb starts\nb done\na done\n[ 'A', 'B' ]\n");
    expect(result.code).toBe(0);
  });

  it("imports chapter files as ./NAME.js", async () => {
    const { events, result } = await run('import { dish } from "./kitchen.js";\nconsole.log(dish);', {
      files: [{ path: "kitchen.ts", code: 'export const dish: string = "soup";' }],
    });
    expect(stream(events, "stdout")).toBe("soup\n");
    expect(result.code).toBe(0);
  });

  it("prints like Node: util.format, inspect, stderr for console.error", async () => {
    const { events } = await run(
      'console.log("%s has %d items", "list", 3, [1, 2], { a: { b: [null, undefined] } }, new Map([["k", 1]]));\nconsole.error(new Set(["x"]));',
    );
    expect(stream(events, "stdout")).toBe("list has 3 items [ 1, 2 ] { a: { b: [ null, undefined ] } } Map(1) { 'k' => 1 }\n");
    expect(stream(events, "stderr")).toBe("Set(1) { 'x' }\n");
  });

  it("waits for timers like Node, then exits with process.exitCode", async () => {
    const { events, result } = await run(
      'let n = 0;\nconst t = setInterval(() => { console.log("tick", ++n); if (n === 3) { clearInterval(t); setTimeout(() => { console.log("bye"); process.exitCode = 4; }, 10); } }, 5);',
    );
    expect(stream(events, "stdout")).toBe("tick 1\ntick 2\ntick 3\nbye\n");
    expect(result.code).toBe(4);
  });

  it("shows HTML-looking output as the text it is", async () => {
    const { events } = await run('console.log("<img src=x onerror=alert(1)> &amp; <b>bold</b>");');
    expect(stream(events, "stdout")).toBe("<img src=x onerror=alert(1)> &amp; <b>bold</b>\n");
  });

  it("points an uncaught exception's stack at the snippet's own lines, and exits 1", async () => {
    const code = ["function fail(label: string): never {", "  throw new Error(`boom: ${label}`);", "}", 'fail("x");'].join("\n");
    const { events, result } = await run(code);
    const stderr = stream(events, "stderr");
    expect(stderr).toContain("Error: boom: x\n    at fail (snippet.ts:2:9)\n    at snippet.ts:4:1");
    expect(stderr.startsWith("snippet.ts:2\n")).toBe(true); // Node's header: file:line, source line, caret
    expect(stderr).not.toMatch(/blob:|https?:\/\//);
    expect(result.code).toBe(1);
  });

  it("reports an exception from inside a coroutine through asyncio.run's rejection", async () => {
    const code = [
      'import * as asyncio from "asyncio";',
      "function* main(): asyncio.Coroutine<void> {",
      "  yield* asyncio.sleep(0);",
      '  throw new TypeError("bad");',
      "}",
      "asyncio.run(main());",
    ].join("\n");
    const { events, result } = await run(code);
    const stderr = stream(events, "stderr");
    expect(stderr).toMatch(/TypeError: bad\n {4}at main \(snippet\.ts:4:9\)/);
    expect(stderr).not.toMatch(/blob:|https?:\/\//); // the bundled library's frames are left out
    expect(result.code).toBe(1);
  });

  it("names a missing module like Node", async () => {
    const { events, result } = await run('import { x } from "./nope.js";\nconsole.log(x);');
    expect(stream(events, "stderr")).toBe("Error [ERR_MODULE_NOT_FOUND]: Cannot find module './nope.js' imported from snippet.js\n");
    expect(result.code).toBe(1);
  });

  it("stops `while (true) {}` at once on Stop, without freezing the page", async () => {
    const { result, longestStallMs, ticks } = await run("while (true) {}", { stopAfterMs: 300 });
    // Stopped, not timed out (10 s): the page's own timer pressed Stop, so the page ran.
    expect(result).toMatchObject({ code: null, reason: "stopped" });
    // A frozen page would not tick at all, and its one stall would span the whole run.
    expect(ticks).toBeGreaterThan(0);
    expect(longestStallMs).toBeLessThan(result.elapsedMs);
  });

  it("ends `while (true) {}` at the cell's timeout", async () => {
    // It ran (it printed) until the timeout ended it; the timer's delay is worker.test.ts's business.
    const { events, result } = await run('console.log("spinning");\nwhile (true) {}', { timeoutMs: 500 });
    expect(stream(events, "stdout")).toBe("spinning\n");
    expect(result).toMatchObject({ code: null, reason: "timeout" });
  });

  it("caps a million printed lines, keeps the page responsive, and says it truncated", async () => {
    const { events, result, ticks } = await run("for (let i = 0; i < 1_000_000; i++) console.log(i);");
    expect(result).toMatchObject({ code: null, reason: "output-limit" });
    const stdout = stream(events, "stdout");
    expect(stdout.split("\n").length - 1).toBe(5000);
    expect(stdout.endsWith("4999\n")).toBe(true);
    // What keeps the page responsive: the lines reach it in a few batched messages, not one each.
    expect(events.filter((e) => e.type === "stdout").length).toBeLessThan(50);
    expect(events.at(-1)).toMatchObject({ type: "status", text: expect.stringMatching(/^Output truncated/) });
    expect(ticks).toBeGreaterThan(0);
  });

  it("exits 13 on a top-level await that can never settle, like Node", async () => {
    const { events, result } = await run('console.log("before");\nawait new Promise(() => {});\nconsole.log("never");');
    expect(stream(events, "stdout")).toBe("before\n");
    expect(stream(events, "stderr")).toMatch(/Detected unsettled top-level await/);
    expect(result.code).toBe(13);
  });

  it("gives a syntax error's line and column before anything runs", async () => {
    const error = await page.evaluate(() =>
      (globalThis as unknown as { runner: { syntaxError(code: string): unknown } }).runner.syntaxError("const a = 1;\nconst b = ;"),
    );
    expect(error).toEqual({ name: "SnippetSyntaxError", message: "snippet.ts:2:11: Unexpected token", line: 2, column: 11 });
  });

  // A check that ignored exit codes would pass this cell: its output is right.
  it("the chapter check fails a cell that prints what is expected but sets process.exitCode = 3", async () => {
    const cell = { expected: "hi" };
    const { events, result } = await run('console.log("hi");\nprocess.exitCode = 3;');
    expect(result.code).toBe(3);
    expect(cellProblems(cell, { stdout: stream(events, "stdout"), stderr: stream(events, "stderr"), code: result.code })).toEqual([
      "exited with code 3, not 0",
    ]);
  });
});
