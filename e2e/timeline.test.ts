/**
 * The Timeline and Step through, in the worker runtime: every cell's timeline after a run
 * names its tasks and gives each an outcome; the gather cell's rows are exact; stepping a
 * cell to the end prints what the straight run prints.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEFAULT_TIMEOUT_MS, outputProblems } from "../src/notebook/index.ts";
import { axeViolations, cellById, chapters, chooseRuntime, liveLines, runCell, tableRows, waitForEnd } from "./helpers.ts";

const OUTCOME = /^(result|exception \w+|cancelled|pending)$/;

async function openTimeline(cell: Locator): Promise<Locator> {
  await cell.getByRole("button", { name: /^Timeline/ }).click();
  const table = cell.getByRole("table", { name: /^Timeline of/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  return table;
}

async function workerPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await chooseRuntime(page, "worker");
}

test("gather of sleeps 0.3/0.1/0.2: three child lanes ending at 0.3, 0.1, 0.2", async ({ page }) => {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "gather-lanes"))!;
  await workerPage(page, chapter.url);
  const cell = cellById(page, "gather-lanes");
  await runCell(cell);
  // The cell asks for its timeline (`timeline` meta): it is open after the run.
  const table = cell.getByRole("table", { name: /^Timeline of gather-lanes/ });
  await expect(table).toBeVisible();
  const rows = await tableRows(table);
  expect(rows).toHaveLength(4);
  const [main, ...children] = rows;
  expect(main![0]).toBe("Task-1");
  expect(main![4]).toBe("result");
  expect(main![5]).toBe("gather(Task-2, Task-3, Task-4)");
  expect(children.map((row) => [row[0], row[3], row[4], row[5]])).toEqual([
    ["Task-2", "2", "result", "sleep(0.3)"],
    ["Task-3", "2", "result", "sleep(0.1)"],
    ["Task-4", "2", "result", "sleep(0.2)"],
  ]);
  // The children all start before any ends, none ends before its timer (times are rounded to
  // the millisecond), and they end in the order of their timers: 0.1 s, 0.2 s, 0.3 s. On a busy
  // machine two timers can both be due by the time the loop looks, and then end in the same
  // millisecond: in order, but with equal times.
  const [starts, ends] = [1, 2].map((column) => children.map((row) => Number(row[column])));
  expect(Math.max(...starts!)).toBeLessThan(Math.min(...ends!));
  [0.3, 0.1, 0.2].forEach((sleep, i) => expect(ends![i]! - starts![i]!).toBeGreaterThanOrEqual(sleep - 0.002));
  expect(ends![1]).toBeLessThanOrEqual(ends![2]!);
  expect(ends![2]).toBeLessThanOrEqual(ends![0]!);
  await expect(cell.locator("[data-chart] svg")).toHaveAttribute("aria-label", /^Timeline of gather-lanes: 4 tasks/);
});

test("Step through: Next walks callbacks with the ready queue and timers; Run to end prints the straight run's output", async ({ page }) => {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "gather-lanes"))!;
  await workerPage(page, chapter.url);
  const cell = cellById(page, "gather-lanes");
  await cell.getByRole("button", { name: /^Step through/ }).click();
  const status = cell.locator("[data-step-status]");
  await expect(status).toHaveText(/^Paused before Task-1: step/);
  await expect(cell.locator(".step-line")).toHaveCount(1);
  await expect(cell.locator(".step-line")).toHaveText("asyncio.run(main());");
  await cell.getByRole("button", { name: "Next", exact: true }).click();
  await expect(status).toHaveText(/^Paused before Task-2: step/);
  // The mark moves to the line about to run: where gather made the task.
  await expect(cell.locator(".step-line")).toContainText("asyncio.gather(");
  await expect(cell.locator(".step-line")).toHaveAttribute("aria-current", "step");
  await expect(cell.getByRole("list", { name: "Ready queue" }).getByRole("listitem")).toHaveText(["Task-3: step", "Task-4: step"]);
  await cell.getByRole("button", { name: "Next tick" }).click();
  await expect(status).toHaveText(/^Paused before wake Task-3 \(sleep\)/);
  await expect(cell.getByRole("list", { name: "Timers" }).getByRole("listitem")).toHaveText(["0.200 s: wake Task-4 (sleep)", "0.300 s: wake Task-2 (sleep)"]);
  await expect(cell.locator("[data-step-clock]")).toHaveText(/^Loop time 0\.100 s \(VirtualTimeLoop\)/);
  await expect(cell.getByRole("list", { name: "Tasks" })).toContainText("Task-2: waiting on a timer (wakes at 0.300)");
  // Keyboard: T is "To next timer".
  await cell.getByRole("button", { name: "Next", exact: true }).press("t");
  await expect(status).toHaveText(/^Paused before Task-3: step|^Paused before wake Task-4/);
  await cell.getByRole("button", { name: "Run to end" }).click();
  const end = await waitForEnd(cell);
  expect(end).toMatch(/^Matches the expected output/);
  expect(await liveLines(cell)).toEqual(["second woke after 0.1 s", "third woke after 0.2 s", "first woke after 0.3 s"]);
  await expect(status).toHaveText(/Restart to step it again\.$/);
});

test("chapter 8: a task group's Timeline shows the lane that failed and the siblings the group cancelled", async ({ page }) => {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "taskgroup-fails"))!;
  await workerPage(page, chapter.url);
  const outcomes = async (id: string): Promise<Record<string, string>> => {
    const cell = cellById(page, id);
    await runCell(cell);
    const rows = await tableRows(cell.getByRole("table", { name: new RegExp(`^Timeline of ${id}`) }));
    return Object.fromEntries(rows.map((row) => [row[0], row[4]]));
  };
  const flat = await outcomes("taskgroup-fails");
  expect(flat).toMatchObject({ a: "result", b: "exception ValueError", c: "cancelled" });
  const nested = await outcomes("taskgroup-nested");
  expect(nested).toMatchObject({
    "inner-fails": "exception TypeError",
    "inner-slow": "cancelled",
    "inner-group": "exception ExceptionGroup",
    "outer-slow": "cancelled",
  });
});

// Every cell of every chapter runs once here (they all run in the worker). A cell that can be
// stepped is stepped (a pause, a Next, then Run to end): it must print exactly its expected
// output, which e2e/cells.test.ts shows is what its straight run prints. A stepped run is
// recorded, so its Timeline then opens at once; a cell that cannot be stepped has its Timeline
// opened, which runs it recording. Either way the table names every task with an outcome.
// (Unsteppable cells with a long time limit — real threads, real clocks, 10-30 s each — are
// left to e2e/cells.test.ts, to keep this file near a minute.)
for (const chapter of chapters()) {
  test(`${chapter.id}: every cell steps to its straight run's output, and its timeline names every task with an outcome`, async ({ page }) => {
    test.setTimeout(30_000 + chapter.cells.reduce((sum, cell) => sum + cell.timeoutMs + 10_000, 0));
    await workerPage(page, chapter.url);
    for (const info of chapter.cells) {
      const cell = cellById(page, info.id);
      if (info.noStep !== undefined) {
        await expect(cell.getByRole("button", { name: /^Step through/ })).toHaveCount(0);
        await expect(cell).toContainText(`Step through is not offered for this cell: ${info.noStep}`);
        if (info.timeoutMs > DEFAULT_TIMEOUT_MS) continue;
        if (info.timeline) await runCell(cell, info.timeoutMs + 15_000);
        else await cell.getByRole("button", { name: /^Timeline/ }).click(); // opening it runs the cell, recording
        await waitForEnd(cell, info.timeoutMs + 15_000);
      } else {
        await stepToEnd(cell, info.timeoutMs);
        const stepped = (await liveLines(cell)).join("\n");
        expect(outputProblems({ expected: info.expected }, { stdout: stepped, stderr: "" }), `${info.id}: stepped output\n${stepped}`).toEqual([]);
        if (!info.expected.includes("…")) expect(stepped, info.id).toBe(info.expected);
        if (!info.timeline) await cell.getByRole("button", { name: /^Timeline/ }).click();
      }
      const rows = await tableRows(cell.getByRole("table", { name: /^Timeline of/ }));
      for (const row of rows) {
        expect(row[0], `${info.id}: task name`).not.toBe("");
        expect(row[4], `${info.id}: outcome of ${row[0]}`).toMatch(OUTCOME);
      }
    }
  });
}

/**
 * Step through: one pause, one Next (answered by the next pause, or the end), then Run to end.
 * The gather cell's test above walks the pauses one by one.
 */
async function stepToEnd(cell: Locator, timeoutMs: number): Promise<void> {
  await cell.getByRole("button", { name: /^Step through/ }).click();
  const panel = cell.locator("[data-stepper]");
  const status = panel.locator("[data-step-status]");
  const ended = /Restart to step it again\.$/;
  const pausedOrEnded = new RegExp(`^Paused before|${ended.source}`);
  const isOver = async () => ended.test((await status.textContent()) ?? "");
  await expect(status).toHaveText(pausedOrEnded, { timeout: 30_000 });
  if (!(await isOver())) {
    await expect(panel).toHaveAttribute("data-pauses", "1");
    // The click sets the status to "Running…" at once, so the next wait is for the next pause.
    await panel.getByRole("button", { name: "Next", exact: true }).click();
    await expect(status).toHaveText(pausedOrEnded, { timeout: 30_000 });
  }
  if (!(await isOver())) await panel.getByRole("button", { name: "Run to end" }).click();
  await expect(status).toHaveText(ended, { timeout: timeoutMs + 15_000 });
  await waitForEnd(cell, timeoutMs + 15_000);
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe: the Timeline and the stepper open, ${scheme} colour scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "gather-lanes"))!;
    await workerPage(page, chapter.url);
    const cell = cellById(page, "gather-lanes");
    await runCell(cell);
    await expect(cell.getByRole("table", { name: /^Timeline of/ })).toBeVisible();
    // Keyboard readout of the picture.
    await cell.locator("[data-chart]").focus();
    await page.keyboard.press("ArrowDown");
    await expect(cell.locator("[data-readout]")).toHaveText(/^Task-1: spawned at 0\.000 s/);
    await cell.getByRole("button", { name: /^Step through/ }).click();
    await expect(cell.locator("[data-step-status]")).toHaveText(/^Paused before/);
    await cell.getByRole("button", { name: "Next", exact: true }).click();
    await expect(cell.locator("[data-stepper]")).toHaveAttribute("data-pauses", "2");
    expect(await axeViolations(page, "#gather-lanes")).toEqual([]);
  });
}

test("chapter 5: stepping cancel-a-task reaches the step that throws CancelledError in; the timeline shows result, then cancelled", async ({ page }) => {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "cancel-a-task"))!;
  await workerPage(page, chapter.url);
  const cell = cellById(page, "cancel-a-task");
  await cell.getByRole("button", { name: /^Step through/ }).click();
  const status = cell.locator("[data-step-status]");
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await expect(status).toHaveText(/^Paused before/);
    reached = /^Paused before Task-2: step, and CancelledError is thrown into it/.test((await status.textContent()) ?? "");
    if (!reached) {
      const pauses = await cell.locator("[data-stepper]").getAttribute("data-pauses");
      await page.keyboard.press("n");
      await expect(cell.locator("[data-stepper]")).not.toHaveAttribute("data-pauses", pauses!);
    }
  }
  expect(reached).toBe(true);
  await page.keyboard.press("e");
  await waitForEnd(cell);
  const table = await openTimeline(cell);
  const rows = await tableRows(table);
  expect(rows.map((row) => [row[0], row[4]])).toEqual([
    ["Task-1", "result"],
    ["Task-2", "result"],
    ["Task-3", "cancelled"],
  ]);
});

test("chapter 6: the tiny loop steps through its own ready array and timer heap, and the library's loop holds the same callbacks", async ({ page }) => {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "tiny-callbacks"))!;
  await workerPage(page, chapter.url);
  const expectPause = async (id: string, next: string, ready: string[], timers: string[], clock: RegExp): Promise<void> => {
    const cell = cellById(page, id);
    // The library's loop also says where a callback was scheduled: "(scheduled at line 17)".
    const escaped = next.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await expect(cell.locator("[data-step-status]")).toHaveText(new RegExp(`^Paused before ${escaped}( \\(scheduled at line \\d+\\))?\\.$`));
    await expect(cell.getByRole("list", { name: "Ready queue" }).getByRole("listitem")).toHaveText(ready);
    await expect(cell.getByRole("list", { name: "Timers" }).getByRole("listitem")).toHaveText(timers);
    await expect(cell.locator("[data-step-clock]")).toHaveText(clock);
  };
  const next = async (id: string): Promise<void> => {
    const panel = cellById(page, id).locator("[data-stepper]");
    const pauses = await panel.getAttribute("data-pauses");
    await panel.getByRole("button", { name: "Next", exact: true }).click();
    await expect(panel).not.toHaveAttribute("data-pauses", pauses!);
  };

  const tiny = cellById(page, "tiny-callbacks");
  await tiny.getByRole("button", { name: /^Step through/ }).click();
  await expectPause("tiny-callbacks", '() => say("soon 1")', ["() => { say(\"soon 2, schedules soon 4\"); loop.callSoon(() =…", '() => say("soon 3")'],
    ['1.000 s: () => say("timer at 1")', '2.000 s: () => say("timer at 2")'], /^Loop time 0\.000 s \(TinyLoop\), iteration 1/);
  await expect(tiny.getByRole("list", { name: "Tasks" })).toHaveText("(TinyLoop keeps no list of its tasks)");
  await next("tiny-callbacks");
  await next("tiny-callbacks");
  // "soon 2" has run: "soon 4" waits at the back of the queue, for the next iteration.
  await expectPause("tiny-callbacks", '() => say("soon 3")', ['() => say("soon 4")'],
    ['1.000 s: () => say("timer at 1")', '2.000 s: () => say("timer at 2")'], /iteration 1/);

  const library = cellById(page, "library-callbacks");
  await library.getByRole("button", { name: /^Step through/ }).click();
  await expectPause("library-callbacks", 'say("soon 1")', ["second()", 'say("soon 3")'],
    ['1.000 s: say("timer at 1")', '2.000 s: say("timer at 2")', "2.500 s: () => loop.stop()"], /^Loop time 0\.000 s \(VirtualTimeLoop\), iteration 1/);
  await next("library-callbacks");
  await next("library-callbacks");
  await expectPause("library-callbacks", 'say("soon 3")', ['say("soon 4")'],
    ['1.000 s: say("timer at 1")', '2.000 s: say("timer at 2")', "2.500 s: () => loop.stop()"], /iteration 1/);

  for (const id of ["tiny-callbacks", "library-callbacks"]) {
    await cellById(page, id).getByRole("button", { name: "Run to end" }).click();
    expect(await waitForEnd(cellById(page, id))).toMatch(/^Matches the expected output/);
  }
});

test("chapter 4: Run both cells draws the real-time and virtual-time timelines side by side, lane for lane", async ({ page }) => {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "breakfast-virtual-time"))!;
  await workerPage(page, chapter.url);
  const figure = page.locator("[data-compare-timelines]");
  await figure.getByRole("button", { name: "Run both cells" }).click();
  for (const id of ["breakfast-real-time", "breakfast-virtual-time"]) await waitForEnd(cellById(page, id), 20_000);
  const real = figure.getByRole("region", { name: /^Timeline of breakfast-real-time/ });
  const virtual = figure.getByRole("region", { name: /^Timeline of breakfast-virtual-time/ });
  await expect(real.locator(".tl-head")).toHaveText(/^BaseEventLoop \(real time\), 0 to 3\.\d{3} s$/);
  await expect(virtual.locator(".tl-head")).toHaveText("VirtualTimeLoop (virtual time), 0 to 3.000 s");
  // Same shape: the same lanes, in the same order.
  const names = (pane: Locator) => pane.locator(".tl-name").allTextContents();
  expect(await names(real)).toEqual(await names(virtual));
  expect((await names(real)).length).toBeGreaterThanOrEqual(5); // the loop, breakfast and three cooks
  // Side by side: the same row, left then right.
  const [a, b] = [await real.boundingBox(), await virtual.boundingBox()];
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width);
  expect(await axeViolations(page, "[data-compare-timelines]")).toEqual([]);
});
