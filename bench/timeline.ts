/**
 * The Timeline's costs (issue 8), printed, never failing on a figure:
 *
 * 1. Recording: the same workloads with no instrument, and with the timeline recorder
 *    (src/timeline/instrument.ts); the difference per recorded event.
 *    For the spawn, where the cost goes: the recorder's hooks doing nothing (the loop's
 *    calls, and its clock reading after each callback), and the recorder as the worker
 *    makes it (the reader's lines, events read in batches).
 * 2. Recording off: what the loop pays for being recordable — `noteWait` on every wait
 *    with no instrument installed, per call, beside the cost of one wait.
 * 3. Drawing: fold + SVG + table rows for 100 and 10,000 tasks (a gather of sleeps),
 *    pure string work as the page does it before one `innerHTML`.
 * 4. In the browser (`--browser`, needs a site build and Chromium): the 10,000-task cell
 *    of chapter 1 run with its Timeline open, in TypeScript and in Python (CPython's own
 *    loop, traced); the longest main-thread task while it draws, and how soon key presses
 *    sent every 25 ms meanwhile were answered (target: 100 ms).
 *
 * `npm run bench` runs 1-3; `node bench/timeline.ts --browser` adds 4.
 */
import { spawn as spawnProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as asyncio from "asyncio";
import type { Coroutine } from "asyncio";
import { drawTimeline } from "../src/timeline/draw.ts";
import { fold, rows } from "../src/timeline/record.ts";
import { addSummary, formatTable, medianInterval, formatEstimate } from "./report.ts";
import { recorder, recorderHooks, workerRecorder } from "./recorders.ts";
import { pingPong, spawn } from "./workloads.ts";

const ROUNDS = process.argv.includes("--quick") ? 3 : 9;

function* nap(seconds: number): Coroutine<number> {
  yield* asyncio.sleep(seconds);
  return seconds;
}
function gatherSleeps(n: number, options?: asyncio.RunOptions): Promise<unknown> {
  function* main(): Coroutine<unknown> {
    return yield* asyncio.gather(...Array.from({ length: n }, (_, i) => nap((i % 100) / 10_000)));
  }
  return asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), ...options });
}

/** This process's CPU time in ms: the machine is shared, and another process's load stretches wall-clock time, not ours. */
function cpuTime(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = cpuTime();
  await run();
  return cpuTime() - start;
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await time(run));
  return medianInterval(samples).value;
}

/** Medians of each run, timed in turn (a b a b ...), so that drift in the machine's speed hits all alike. */
async function medians(...runs: Array<() => Promise<unknown>>): Promise<number[]> {
  const samples = runs.map((): number[] => []);
  for (let i = 0; i < ROUNDS; i++) for (const [index, run] of runs.entries()) samples[index]!.push(await time(run));
  return samples.map((taken) => medianInterval(taken).value);
}

// 1. Recording cost per event.
const workloads: Array<[string, (options?: asyncio.RunOptions) => Promise<unknown>]> = [
  ["spawn 10,000 tasks (sleep(0) each)", (options) => spawn(10_000, options)],
  ["queue ping-pong, 20,000 messages", (options) => pingPong(20_000, options)],
  ["gather of 10,000 sleeps (virtual time)", (options) => gatherSleeps(10_000, options)],
];
const recordingRows: string[][] = [];
for (const [name, run] of workloads) {
  await run(); // warm up
  await run({ instruments: [recorder()] });
  const probe = recorder();
  await run({ instruments: [probe] });
  const events = probe.events.length;
  const [off = 0, on = 0] = await medians(
    () => run(),
    () => run({ instruments: [recorder()] }),
  );
  recordingRows.push([name, `${off.toFixed(1)} ms`, `${on.toFixed(1)} ms`, `${(on / off).toFixed(2)}×`, events.toLocaleString("en-US"), `${(((on - off) * 1e6) / events).toFixed(0)} ns`]);
}
console.log(`Recording (CPU time, median of ${ROUNDS}, taken in turn; Node ${process.version})`);
console.log(formatTable(["workload", "off", "recording", "ratio", "events", "per event"], recordingRows));

// 1b. Recording a spawn, piece by piece.
{
  const taken = { count: 0 };
  const variants: Array<[string, () => asyncio.Instrument[]]> = [
    ["plain", () => []],
    ["the recorder's hooks, doing nothing", () => [recorderHooks()]],
    ["the recorder (events kept, as above)", () => [recorder()]],
    ["as the worker records (lines, events read)", () => [workerRecorder(taken)]],
  ];
  const runs = variants.map(([, instruments]) => () => spawn(10_000, { instruments: instruments() }));
  for (const run of runs) await run(); // warm up
  const costs = await medians(...runs);
  const plain = costs[0]!;
  const recorded = costs[2]!;
  // The summary's figure: this table's runs come after every workload above has warmed the
  // code up; the first table's spawn row, the first thing this process times, moved from
  // 1.8x to 5.2x between processes.
  addSummary({
    workload: "spawn 10,000 tasks (sleep(0) each), Timeline recording",
    ours: `${recorded.toFixed(1)} ms`,
    yardstick: `${plain.toFixed(1)} ms (not recording)`,
    ratio: `${(plain / recorded).toFixed(2)}×`,
    cpython: "—",
    vsCpython: "—",
    target: "≥ 0.67×",
    met: recorded <= 1.5 * plain ? "yes" : "NO",
  });
  console.log(`\nRecording a spawn of 10,000 tasks (CPU time, median of ${ROUNDS}, taken in turn)`);
  console.log(formatTable(["run", "CPU", "vs plain"], variants.map(([name], index) => [name, `${costs[index]!.toFixed(1)} ms`, `${(costs[index]! / plain).toFixed(2)}×`])));
  // The floor under any recorder: one clock reading after each callback.
  let readings = 0;
  const count = (): void => {
    readings++;
  };
  await spawn(10_000, { instruments: [{ afterTaskStep: count, afterCallback: count }] });
  const perReading: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) sum += performance.now();
    // ns per reading; `sum` is used, so that the engine cannot drop the calls.
    perReading.push(Number(process.hrtime.bigint() - start) / 1e6 + (sum < 0 ? 1 : 0));
  }
  const ns = medianInterval(perReading).value;
  console.log(
    `The loop reads the clock after each of the spawn's ${readings.toLocaleString("en-US")} callbacks; a reading costs ${ns.toFixed(0)} ns here ` +
      `(performance.now()), ${((readings * ns) / 1e6).toFixed(2)} ms in all: ${(((readings * ns) / 1e6 / plain) * 100).toFixed(0)}% of the plain run.`,
  );
}

// 2. Recording off: the one thing every wait now does, `noteWait` finding no instrument.
{
  const loop = new asyncio.VirtualTimeLoop();
  const futures = Array.from({ length: 1000 }, () => loop.createFuture());
  const nothing = (future: object, owner: object): void => void [future, owner];
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS * 3; round++) {
    // ns per call: 10^6 calls, less the same loop calling an empty function.
    let start = performance.now();
    for (let i = 0; i < 1000; i++) for (const future of futures) asyncio.noteWait(future, loop);
    const noted = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < 1000; i++) for (const future of futures) nothing(future, loop);
    samples.push(Math.max(0, noted - (performance.now() - start)));
  }
  loop.close();
  const perWait = (await median(() => pingPong(20_000))) / 40_000;
  console.log(
    `\nRecording off: noteWait with no instrument costs ${formatEstimate(medianInterval(samples))} ns per wait beyond an empty call; ` +
      `one wait in the ping-pong costs about ${(perWait * 1e6).toFixed(0)} ns (so under ${((medianInterval(samples).value / (perWait * 1e6)) * 100).toFixed(1)}%).`,
  );
}

// 3. Drawing.
const drawRows: string[][] = [];
for (const n of [100, 10_000]) {
  const probe = recorder();
  await gatherSleeps(n, { instruments: [probe] });
  const events = probe.events;
  const foldMs = await median(async () => fold(events));
  const timeline = fold(events);
  const drawMs = await median(async () => drawTimeline(timeline, { width: 900, label: "Timeline" }));
  const rowsMs = await median(async () => rows(timeline));
  const svg = drawTimeline(timeline, { width: 900, label: "Timeline" }).svg;
  drawRows.push([`${n.toLocaleString("en-US")} tasks`, events.length.toLocaleString("en-US"), `${foldMs.toFixed(1)} ms`, `${drawMs.toFixed(1)} ms`, `${rowsMs.toFixed(1)} ms`, `${(svg.length / 1024).toFixed(0)} KiB`]);
}
console.log(`\nDrawing (median of ${ROUNDS})`);
console.log(formatTable(["run", "events", "fold", "SVG", "table rows", "SVG size"], drawRows));

if (process.argv.includes("--browser")) await browser();

/** 4. The page while a 10,000-task timeline draws. */
async function browser(): Promise<void> {
  const { chromium } = await import("@playwright/test");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const port = 4398;
  const origin = `http://localhost:${port}`;
  const server = spawnProcess("npx", ["astro", "preview", "--port", String(port), "--host", "localhost"], { cwd: root, stdio: "ignore", detached: true });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(origin)).ok) break;
      } catch {
        if (i > 150) throw new Error("astro preview did not start");
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    const page = await browser.newPage();
    await page.goto(`${origin}/01-why-asyncio/`);
    await page.getByLabel("Runtime", { exact: true }).selectOption("worker");
    await page.evaluate(() => {
      const w = window as unknown as { delays: number[]; longest: number };
      w.delays = [];
      w.longest = 0;
      document.addEventListener("keydown", (event) => w.delays.push(performance.now() - event.timeStamp));
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: "longtask", buffered: false });
    });
    const cell = page.locator("#all-at-once");
    // The same cell: a plain run, then with its Timeline open (recorded, drawn live and at the
    // end); then its Python half, plainly (loading Python), then with its Timeline open.
    for (const [half, withTimeline] of [["ts", false], ["ts", true], ["py", false], ["py", true]] as const) {
      const panel = cell.locator(`[data-panel="${half}"]`);
      if (half === "py" && !withTimeline) await cell.getByRole("tab", { name: "Python original" }).click();
      await page.evaluate(() => {
        const w = window as unknown as { delays: number[]; longest: number };
        w.delays = [];
        w.longest = 0;
        performance.clearMeasures();
      });
      if (withTimeline) await panel.getByRole("button", { name: /^Timeline/ }).click(); // opens it and runs the cell, recording
      else await panel.getByRole("button", { name: /^Run(?! both)/ }).click();
      let pressing = true;
      const presses = (async () => {
        while (pressing) {
          await page.keyboard.press("Shift");
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      if (withTimeline) await panel.getByRole("table", { name: /^Timeline of/ }).waitFor({ timeout: 120_000 });
      await page.locator(half === "ts" ? "#all-at-once[data-result]" : "#all-at-once[data-python-result]").waitFor({ timeout: 120_000 });
      await new Promise((resolve) => setTimeout(resolve, 800));
      pressing = false;
      await presses;
      const { delays, longest, picture, table } = await page.evaluate(() => {
        const w = window as unknown as { delays: number[]; longest: number };
        const last = (name: string) => performance.getEntriesByName(name).at(-1)?.duration ?? 0;
        return { delays: w.delays, longest: w.longest, picture: last("timeline picture"), table: last("timeline table") };
      });
      const sorted = [...delays].sort((a, b) => a - b);
      console.log(
        `\nBrowser, chapter 1's 10,000-task cell, ${half === "py" ? "Python, " : ""}${withTimeline ? "Timeline open" : "Timeline closed"}: longest main-thread task ${longest.toFixed(0)} ms; ` +
          `${delays.length} key presses answered in median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, worst ${sorted.at(-1)?.toFixed(1)} ms (target ≤ 100 ms)` +
          (withTimeline ? `; last draw: picture ${picture.toFixed(0)} ms, table ${table.toFixed(0)} ms.` : "."),
      );
      await page.evaluate(() => document.querySelector<HTMLElement>("#all-at-once [data-result]")?.removeAttribute("data-result"));
      await page.evaluate(() => document.querySelector<HTMLElement>("#all-at-once")?.removeAttribute("data-result"));
      await page.evaluate(() => document.querySelector<HTMLElement>("#all-at-once")?.removeAttribute("data-python-result"));
    }
    await browser.close();
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // gone
    }
  }
}
