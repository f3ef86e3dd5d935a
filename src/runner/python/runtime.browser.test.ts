/**
 * The Python runtime in a real browser (Debian's Chromium through Playwright): the actual
 * worker bundle (esbuild), Pyodide's actual files served at the site's path with the site's
 * headers (cross-origin isolation, a CSP without eval, immutable caching). Every chapter's twin
 * runs through the page itself in e2e/python.test.ts; its speed, cold and warm start, is
 * measured by bench/python-start.ts.
 *
 * A persistent browser profile, so the HTTP cache is the disk cache readers have. Skipped when
 * /usr/bin/chromium is missing.
 */
import { existsSync } from "node:fs";
import type { Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PYODIDE_DIR, PYODIDE_FILES } from "./assets.ts";
import type { RunEvent } from "../core/index.ts";
import type { PythonHarnessOptions, PythonHarnessRun } from "../testing/index.ts";
import { CHROMIUM, openPythonPage, type PythonPage, type PythonServer } from "../testing/index.ts";

let opened: PythonPage | undefined;
let page: Page;
let server: PythonServer | undefined;

beforeAll(async () => {
  opened = await openPythonPage("python-browser");
  if (opened) ({ page, server } = opened);
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

function run(code: string, options: PythonHarnessOptions = {}): Promise<PythonHarnessRun> {
  return page.evaluate(
    ([code, options]) =>
      (globalThis as unknown as { python: { run(c: string, o: PythonHarnessOptions): Promise<PythonHarnessRun> } }).python.run(code, options),
    [code, options] as const,
  );
}

/** How many workers the runtime has started: one more means the interpreter was replaced. */
const workers = (): Promise<number> => page.evaluate(() => (globalThis as unknown as { python: { workersCreated(): number } }).python.workersCreated());

const stream = (events: RunEvent[], type: "stdout" | "stderr"): string =>
  events.flatMap((e) => (e.type === type ? [e.text] : [])).join("");

/** Loading Pyodide takes seconds, many more on a loaded machine: the slow part of each test. */
const LOAD = 120_000;

describe.skipIf(!existsSync(CHROMIUM))("the Python runtime in Chromium", () => {
  it("loads Pyodide with progress (bytes, then stages) and runs asyncio on CPython 3.14", { timeout: LOAD }, async () => {
    const { events, result } = await run(
      [
        "import asyncio, sys",
        "async def worker(name, delay):",
        "    await asyncio.sleep(delay)",
        '    print(name, "done")',
        "    return name.upper()",
        "async def main():",
        '    print("python", sys.version_info[:2] >= (3, 14))',
        '    print(await asyncio.gather(worker("a", 0.02), worker("b", 0.01)))',
        "asyncio.run(main())",
      ].join("\n"),
      { timeoutMs: 10_000 },
    );
    expect(stream(events, "stderr")).toBe("");
    expect(stream(events, "stdout")).toBe("python True\nb done\na done\n['A', 'B']\n");
    expect(result).toMatchObject({ code: 0 });

    const progress = events.flatMap((e) => (e.type === "status" && e.progress ? [e.progress] : []));
    const stages = progress.map((p) => p.stage).filter((stage, i, all) => stage !== all[i - 1]);
    expect(stages).toEqual(["downloading", "compiling", "starting"]);
    const loaded = progress.map((p) => p.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    const last = progress.at(-1)!;
    expect(last.loaded).toBeGreaterThan(10_000_000); // the interpreter and the standard library
    expect(last.loaded).toBe(last.total);
    // Every status comes before the program's first line.
    const firstOutput = events.findIndex((e) => e.type !== "status");
    expect(events.slice(firstOutput).some((e) => e.type === "status")).toBe(false);
  });

  it("runs the next program in the same interpreter while it stays fresh, else in a new one from the HTTP cache", { timeout: LOAD }, async () => {
    const before = await workers();
    const clean = await run("import difflib\ndifflib.mark = 1\nprint('clean')");
    expect(stream(clean.events, "stdout")).toBe("clean\n");
    const reused = await run("import difflib\nprint(hasattr(difflib, 'mark'))");
    expect(stream(reused.events, "stdout")).toBe("False\n"); // difflib was unloaded after the first
    expect(await workers()).toBe(before);

    const patching = await run("import asyncio\nasyncio.sleep = print\nprint('patched')");
    expect(stream(patching.events, "stdout")).toBe("patched\n");
    const { events } = await run("import asyncio\nprint(asyncio.sleep is print)");
    expect(stream(events, "stdout")).toBe("False\n");
    expect(await workers()).toBeGreaterThan(before);
    for (const file of PYODIDE_FILES) expect(server!.requests.get(`/${PYODIDE_DIR}${file}`), file).toBe(1);
  });

  it("reports a syntax error like CPython, with its line and column, and runs nothing", { timeout: LOAD }, async () => {
    const { events, result } = await run('print("never")\nasync def main(:\n    pass\n');
    expect(stream(events, "stdout")).toBe("");
    expect(stream(events, "stderr")).toBe('  File "main.py", line 2\n    async def main(:\n                   ^\nSyntaxError: invalid syntax\n');
    expect(result).toMatchObject({ code: 1, syntaxError: { message: "main.py:2:16: invalid syntax", path: "main.py", line: 2, column: 16 } });
  });

  it("prints an uncaught exception's traceback from the program's frames, and exits 1", { timeout: LOAD }, async () => {
    const { events, result } = await run("import asyncio\nasync def main():\n    raise ValueError('bad')\nasyncio.run(main())\n");
    const stderr = stream(events, "stderr");
    expect(stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "main\.py", line 4, in <module>\n/);
    expect(stderr).toContain('File "main.py", line 3, in main\n');
    expect(stderr.endsWith("ValueError: bad\n")).toBe(true);
    expect(result.code).toBe(1);
  });

  it("starts on bytecode: nothing a start or a run imports from the standard library is compiled from source, and its tracebacks still show the source", { timeout: LOAD }, async () => {
    const { events } = await run(
      [
        "import json, sys",
        "origins = [getattr(getattr(m, '__spec__', None), 'origin', None) or '' for m in list(sys.modules.values())]",
        "zipped = [origin for origin in origins if '.zip/' in origin]  # frozen modules say 'frozen'",
        "print(len(zipped) > 50, [origin for origin in zipped if not origin.endswith('.pyc')])",
        "# The notebook's own modules: bytecode beside their source, made from that very source.",
        "import importlib.util",
        "sources = [f'/lib/notebook/{name}.py' for name in ('notebook_driver', 'notebook_loop', 'notebook_trace')]",
        "hashes = [(open(importlib.util.cache_from_source(path), 'rb').read()[8:16], importlib.util.source_hash(open(path, 'rb').read())) for path in sources]",
        "print(all(cached == current for cached, current in hashes))",
        "json.loads('{')",
      ].join("\n"),
    );
    expect(stream(events, "stdout")).toBe("True []\nTrue\n");
    expect(stream(events, "stderr")).toMatch(/File "\/lib\/python3\d+\.zip\/json\/__init__\.py", line \d+, in loads\n {4}return _default_decoder\.decode\(s\)\n/);
  });

  it("imports the tracer with the first run the page records, not before, and keeps the interpreter fresh", { timeout: LOAD }, async () => {
    const probe = "import sys\nprint('notebook_trace' in sys.modules)\n";
    expect(stream((await run(probe)).events, "stdout")).toBe("False\n");
    const before = await workers();
    const recorded = await run(probe, { record: true });
    expect(stream(recorded.events, "stdout")).toBe("True\n");
    expect(recorded.events.some((event) => event.type === "timeline")).toBe(true);
    expect(stream((await run(probe)).events, "stdout")).toBe("True\n"); // kept, in the same interpreter
    expect(await workers()).toBe(before);
  });

  it("runs call_soon's callback before a call_later timer already due, on CPython's BaseEventLoop (the reader's example)", { timeout: LOAD }, async () => {
    const { events, result } = await run(
      [
        "import asyncio",
        "async def main():",
        "    loop = asyncio.get_running_loop()",
        '    loop.call_later(0.002, print, "A later")',
        '    loop.call_soon(print, "B soon")',
        "    await asyncio.sleep(0.05)",
        '    print("a BaseEventLoop:", isinstance(loop, asyncio.BaseEventLoop))',
        "asyncio.run(main())",
      ].join("\n"),
    );
    expect(stream(events, "stderr")).toBe("");
    expect(stream(events, "stdout")).toBe("B soon\nA later\na BaseEventLoop: True\n");
    expect(result).toMatchObject({ code: 0 });
  });

  it("stops `while True: pass` at once on Stop, without freezing the page, and keeps the interpreter", { timeout: LOAD }, async () => {
    const before = await workers();
    const { result, events, ticksAfterOutput } = await run('print("spinning", flush=True)\nwhile True:\n    pass\n', { stopAfterOutput: "spinning", stopDelayMs: 300 });
    expect(stream(events, "stdout")).toBe("spinning\n");
    expect(result).toMatchObject({ code: null, reason: "stopped" });
    // The page's own timer kept firing while Python spun: a frozen main thread would not tick.
    expect(ticksAfterOutput).toBeGreaterThan(0);
    // The interrupt reached the loop (no Stop is lost: ./interrupt.ts), so the same interpreter runs on.
    expect(stream((await run("print('after stop')")).events, "stdout")).toBe("after stop\n");
    expect(await workers()).toBe(before);
  });

  it("stops a loop asleep until its next timer, an hour away, and keeps the interpreter", { timeout: LOAD }, async () => {
    const before = await workers();
    const { result, events } = await run('import asyncio\nasync def main():\n    print("asleep")\n    await asyncio.sleep(3600)\nasyncio.run(main())\n', { stopAfterOutput: "asleep" });
    expect(stream(events, "stdout")).toBe("asleep\n");
    expect(result).toMatchObject({ code: null, reason: "stopped" });
    expect(stream((await run("print('awake')")).events, "stdout")).toBe("awake\n");
    expect(await workers()).toBe(before);
  });

  it("ends `while True: pass` at the cell's timeout, counted from when Python is ready", { timeout: LOAD }, async () => {
    // Python got to run (it printed) before the timeout ended it: the load did not count.
    const { result, events } = await run('print("spinning")\nwhile True:\n    pass\n', { timeoutMs: 1500 });
    expect(stream(events, "stdout")).toBe("spinning\n");
    expect(result).toMatchObject({ code: null, reason: "timeout" });
  });

  it("caps a flood of printed lines, keeps the page responsive, and says it truncated", { timeout: LOAD }, async () => {
    const { events, result, ticks } = await run("i = 0\nwhile True:\n    print(i)\n    i += 1\n");
    expect(result).toMatchObject({ code: null, reason: "output-limit" });
    const stdout = stream(events, "stdout");
    expect(stdout.split("\n").length - 1).toBe(5000);
    expect(stdout.endsWith("4999\n")).toBe(true);
    expect(events.filter((e) => e.type === "stdout").length).toBeLessThan(200);
    expect(events.at(-1)).toMatchObject({ type: "status", text: expect.stringMatching(/^Output truncated/) });
    expect(ticks).toBeGreaterThan(0);
  });

  it("shows HTML-looking and ANSI-looking output as the text it is", { timeout: LOAD }, async () => {
    const { events } = await run('print("<img src=x onerror=alert(1)> &amp;")\nimport sys\nprint("\\x1b[31mred\\x1b[0m", file=sys.stderr)\n1/0\n');
    expect(stream(events, "stdout")).toBe("<img src=x onerror=alert(1)> &amp;\n");
    const stderr = stream(events, "stderr");
    expect(stderr.startsWith("\x1b[31mred\x1b[0m\n")).toBe(true);
    // Tracebacks are not coloured: only the program's own escape codes are in the text.
    expect(stderr.slice("\x1b[31mred\x1b[0m\n".length)).not.toContain("\x1b[");
  });

  it("runs asyncio where WebAssembly has no JS Promise Integration (deleted in the page and the worker)", { timeout: LOAD }, async () => {
    const code = [
      "import asyncio, time",
      "async def tick(name, delay):",
      "    await asyncio.sleep(delay)",
      '    print(name, "woke")',
      "async def main():",
      "    loop = asyncio.get_running_loop()",
      '    loop.call_later(0.002, print, "A later")',
      '    loop.call_soon(print, "B soon")',
      '    await asyncio.gather(tick("slow", 0.03), tick("fast", 0.01))',
      "    start = time.monotonic()",
      "    time.sleep(0.05)",
      '    print("time.sleep blocked:", time.monotonic() - start >= 0.05)',
      "asyncio.run(main())",
    ].join("\n");
    const { events, result, workersCreated, jspiInWorker } = await page.evaluate(
      (code) => (globalThis as unknown as { python: { runWithoutJspi(c: string): Promise<PythonHarnessRun & { workersCreated: number; jspiInWorker: boolean }> } }).python.runWithoutJspi(code),
      code,
    );
    expect(jspiInWorker, JSON.stringify(events)).toBe(false);
    expect(stream(events, "stderr")).toBe("");
    expect(stream(events, "stdout")).toBe("B soon\nA later\nfast woke\nslow woke\ntime.sleep blocked: True\n");
    expect(result).toMatchObject({ code: 0 });
    expect(workersCreated).toBe(1);
  });
});
