/**
 * Python (Pyodide, CPython 3.14) start-up as a reader meets it, in Debian's Chromium: Run on a
 * Python cell → its first output line. Served by the Python runtime's test server
 * (src/runner/testing/python-server.ts: the real worker bundle, Pyodide's files with the site's
 * headers and cache policy) in a fresh browser profile, so the disk cache behaves as a
 * reader's does.
 *
 * - cold: the first Python run on the first page (nothing cached): download, compile, start;
 * - warm: the next runs on the same page, in the kept interpreter;
 * - fresh interpreter: a run after a program that left the interpreter unfit (a new worker,
 *   Pyodide from the HTTP cache);
 * - second page: the first run after a reload (new page, Pyodide from the HTTP cache);
 * - cold after intent: the first Python run on a first page, pressed a moment after the reader
 *   showed intent (the page then starts Pyodide: opening the Python tab, focusing its editor,
 *   hovering Run), each in a fresh browser profile; the figure counts from Run.
 *
 * Prints figures, never fails on them. `npx node bench/python-start.ts [runs]`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "@playwright/test";
import type { PythonHarnessRun } from "../src/runner/testing/index.ts";
import { startPythonServer } from "../src/runner/testing/index.ts";

const runs = Number(process.argv[2] ?? 7);
const PROGRAM = 'import asyncio\nasync def main():\n    print("hello")\n    await asyncio.sleep(0)\nasyncio.run(main())\n';
const UNFIT = 'import asyncio\nasyncio.sleep = print\nprint("patched")\n';

/** How long before Run the reader showed intent, in ms: hovering Run, and opening the tab to read the code first. */
const INTENT_LEADS = [300, 1500];

const server = await startPythonServer();
const launch = (profile: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
const profile = mkdtempSync(join(tmpdir(), "python-start-"));
const context = await launch(profile);

async function open(within: BrowserContext = context): Promise<Page> {
  const page = within.pages()[0] ?? (await within.newPage());
  await page.goto(server.origin);
  await page.waitForFunction(() => "python" in globalThis);
  return page;
}

const run = (page: Page, code: string): Promise<PythonHarnessRun> =>
  page.evaluate((code) => (globalThis as unknown as { python: { run(c: string, o: object): Promise<PythonHarnessRun> } }).python.run(code, { timeoutMs: 10_000 }), code);

const ms = (value: number | null | undefined): string => (value == null ? "-" : `${Math.round(value)} ms`);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pause = (duration: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, duration));

// Start-up is CPU-bound (compiling, starting the interpreter): on a shared machine, read the
// figures against the load.
console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(" ")} on ${cpus().length} cores`);
try {
  let page = await open();
  const cold = await run(page, PROGRAM);
  console.log(
    `cold (nothing cached): first output ${ms(cold.firstOutputMs)}  ` +
      `(compiling from ${ms(cold.stages["compiling"])}, starting from ${ms(cold.stages["starting"])})`,
  );

  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await run(page, PROGRAM)).firstOutputMs ?? Number.NaN);
  console.log(`warm (kept interpreter), ${runs} runs: median ${ms(median(warm))}, min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))}`);

  const fresh: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    await run(page, UNFIT);
    fresh.push((await run(page, PROGRAM)).firstOutputMs ?? Number.NaN);
  }
  console.log(`fresh interpreter right after an unfit one (new worker, HTTP cache): median ${ms(median(fresh))} of ${fresh.length}`);

  await pause(500);
  page = await open();
  const second = await run(page, PROGRAM);
  console.log(`second page (reload, HTTP cache): first output ${ms(second.firstOutputMs)}`);
  const fetched = [...server.requests].filter(([path]) => path.startsWith("/pyodide/")).map(([path, count]) => `${path.split("/").pop()} ×${count}`);
  console.log(`Pyodide files fetched from the server over all runs: ${fetched.join(", ")}`);

  for (const lead of INTENT_LEADS) {
    const fresh = mkdtempSync(join(tmpdir(), "python-start-intent-"));
    const cold = await launch(fresh);
    try {
      const page = await open(cold);
      await page.evaluate(() => (globalThis as unknown as { python: { prewarm(): void } }).python.prewarm());
      await pause(lead);
      const result = await run(page, PROGRAM);
      console.log(`cold, Run ${lead} ms after the reader showed intent (fresh profile): first output ${ms(result.firstOutputMs)} after Run`);
    } finally {
      await cold.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  }
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
