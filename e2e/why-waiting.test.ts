/**
 * "Why is this task waiting?" in the worker runtime: a task in a gather, selected in Step
 * through's task list and in the Timeline (by keyboard), says what it awaits, the chain of
 * awaits, what will wake it and where it was made; tasks awaiting each other are named as a
 * deadlock, and so are two tasks that each hold the lock the other waits for; a sleep() and
 * a coroutine of the reader's own, never awaited, are noted on the timeline and in the table.
 * axe finds nothing in any of them.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { axeViolations, cellById, chapters, chooseRuntime, replaceCode, runCell } from "./helpers.ts";

const CELL = "gather-lanes";

async function open(page: Page): Promise<void> {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === CELL))!;
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
}

/**
 * When a deadlock began, read from the text: on the worker's real clock, so never before the
 * tasks' 0.1 s sleep ended, and later on a busy machine.
 */
async function since(locator: Locator): Promise<number> {
  return Number(/since (\d+\.\d{3}) s/.exec((await locator.textContent()) ?? "")?.[1]);
}

async function axe(page: Page): Promise<void> {
  expect(await axeViolations(page, `#${CELL}`)).toEqual([]);
}

test("a task in a gather: what it awaits, the chain, what wakes it, where it was made", async ({ page }) => {
  await open(page);
  const cell = cellById(page, CELL);
  await cell.getByRole("button", { name: /^Step through/ }).click();
  const panel = cell.locator("[data-stepper]");
  await expect(panel.locator("[data-step-status]")).toHaveText(/^Paused before/);
  // To the first timer: main and the three children have all run their first steps.
  await panel.getByRole("button", { name: "To next timer" }).click();
  await expect(panel.locator("[data-step-status]")).toHaveText(/^Paused before wake Task-3/);
  const tasks = panel.getByRole("list", { name: "Tasks" });
  await tasks.getByRole("button", { name: "Task-2" }).click();
  const why = panel.locator("[data-why]");
  await expect(why).toBeVisible();
  await expect(why.locator(".cell-label")).toHaveText("Why is Task-2 waiting?");
  await expect(why).toContainText("Task-2 awaits sleep(0.3) (since 0.000 s).");
  await expect(why).toContainText("The timer at 0.300 s wakes it.");
  await expect(why).toContainText("Created at line 9, at 0.000 s.");
  // The parent's chain goes down through the gather to each child's sleep, as asyncio pstree would.
  await tasks.getByRole("button", { name: "Task-1" }).click();
  await expect(why.getByRole("list", { name: "Chain of awaits from Task-1" }).getByRole("listitem")).toHaveText([
    "Task-1 awaits gather(Task-2, Task-3, Task-4)",
    "└ Task-2 awaits sleep(0.3)",
    "└ Task-3 awaits sleep(0.1)",
    "└ Task-4 awaits sleep(0.2)",
  ]);
  await expect(why).toContainText("Created at line 12");
  await expect(tasks.getByRole("button", { name: "Task-1" })).toHaveAttribute("aria-pressed", "true");
  // The choice stays across pauses: after the next step the view follows the same task.
  await panel.getByRole("button", { name: "Next", exact: true }).click();
  await expect(panel).toHaveAttribute("data-pauses", "3");
  await expect(why.locator(".cell-label")).toHaveText("Why is Task-1 waiting?");
  await axe(page);
  await panel.getByRole("button", { name: "Run to end" }).click();
  await expect(panel.locator("[data-step-status]")).toHaveText(/Restart to step it again\.$/);

  // In the Timeline, by keyboard: focus the picture, go down to Task-3's lane, press Enter.
  const timeline = cell.locator("[data-timeline]");
  await expect(timeline.getByRole("table", { name: /^Timeline of/ })).toBeVisible();
  await timeline.locator("[data-chart]").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(timeline.locator("[data-readout]")).toHaveText(/^Task-3:/);
  await page.keyboard.press("Enter");
  const view = timeline.locator("[data-why]");
  await expect(view.locator(".cell-label")).toHaveText("Why is Task-3 waiting?");
  await expect(view).toContainText("Task-3 is done (returned None, at 0.100 s).");
  await expect(view).toContainText("Its last wait, on sleep(0.1), ended at 0.100 s: the timer at 0.100 s.");
  // And by the table's row button.
  await timeline.getByRole("table").getByRole("button", { name: "Task-1" }).click();
  await expect(view.locator(".cell-label")).toHaveText("Why is Task-1 waiting?");
  await expect(view).toContainText(/Its last wait, on gather\(Task-2, Task-3, Task-4\), ended at 0\.300 s: woken by the callback \w+ at 0\.300 s\./);
  await axe(page);
});

const DEADLOCK = `import * as asyncio from "asyncio";

const tasks: asyncio.Task<void>[] = [];

function* waitFor(index: number): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0.1);
  yield* tasks[index]!;
}

function* main(): asyncio.Coroutine<void> {
  tasks.push(asyncio.createTask(waitFor(1), { name: "left" }), asyncio.createTask(waitFor(0), { name: "right" }));
  const [, pending] = yield* asyncio.wait(tasks, { timeout: 1 });
  console.log(\`\${pending.size} tasks still waiting\`);
}

const loop = asyncio.newEventLoop();
await loop.runUntilComplete(main());
loop.close();`;

test("tasks awaiting each other are named as a deadlock", async ({ page }) => {
  await open(page);
  const cell = cellById(page, CELL);
  await replaceCode(page, cell, DEADLOCK);
  await runCell(cell);
  await expect(cell.locator("[data-panel=ts] [role=log]")).toContainText("2 tasks still waiting");
  const timeline = cell.locator("[data-timeline]");
  await expect(timeline.getByRole("table", { name: /^Timeline of/ })).toBeVisible();
  await expect(timeline.locator("[data-why-summary]")).toContainText(/^Deadlock: left awaits right awaits left, since \d+\.\d{3} s: none of them can ever wake\./);
  expect(await since(timeline.locator("[data-why-summary]"))).toBeGreaterThanOrEqual(0.1);
  await timeline.getByRole("table").getByRole("button", { name: "right" }).click();
  const view = timeline.locator("[data-why]");
  await expect(view.locator(".why-deadlock")).toHaveText("Deadlock: left awaits right awaits left.");
  await expect(view).toContainText("Nothing will wake it: the tasks it awaits wait, in a cycle, for it.");
  await expect(view.getByRole("list", { name: "Chain of awaits from right" }).getByRole("listitem")).toHaveText([
    "right awaits task left",
    "└ left awaits task right",
    "  └ right (already above: a cycle)",
  ]);
  // The loop closed with both still waiting: noted on their rows.
  const row = timeline.getByRole("row", { name: /^right/ });
  await expect(row).toContainText("Task was destroyed but it is pending: right was still pending when the loop closed");
  await axe(page);
});

const LOCKS = `import * as asyncio from "asyncio";

const a = new asyncio.Lock();
const b = new asyncio.Lock();

function* both(first: asyncio.Lock, second: asyncio.Lock): asyncio.Coroutine<void> {
  yield* first.acquire();
  yield* asyncio.sleep(0.1);
  yield* second.acquire();
}

function* main(): asyncio.Coroutine<void> {
  const tasks = [asyncio.createTask(both(a, b), { name: "one" }), asyncio.createTask(both(b, a), { name: "two" })];
  const [, pending] = yield* asyncio.wait(tasks, { timeout: 1 });
  console.log(\`\${pending.size} tasks still waiting\`);
}

const loop = asyncio.newEventLoop();
await loop.runUntilComplete(main());
loop.close();`;

test("two tasks that each hold the lock the other waits for are named as a deadlock, locks and holders", async ({ page }) => {
  await open(page);
  const cell = cellById(page, CELL);
  await replaceCode(page, cell, LOCKS);
  await runCell(cell);
  await expect(cell.locator("[data-panel=ts] [role=log]")).toContainText("2 tasks still waiting");
  const timeline = cell.locator("[data-timeline]");
  await expect(timeline.getByRole("table", { name: /^Timeline of/ })).toBeVisible();
  const cycle = "Deadlock: one waits for Lock 2, held by two; two waits for Lock 1, held by one";
  await expect(timeline.locator("[data-why-summary]")).toContainText(new RegExp(`^${cycle}, since \\d+\\.\\d{3} s: none of them can ever wake\\.`));
  expect(await since(timeline.locator("[data-why-summary]"))).toBeGreaterThanOrEqual(0.1);
  await timeline.getByRole("table").getByRole("button", { name: "one" }).click();
  const view = timeline.locator("[data-why]");
  await expect(view.locator(".why-deadlock")).toHaveText(`${cycle}.`);
  await expect(view).toContainText(/one awaits Lock 2, held by two \(since \d+\.\d{3} s\)\./);
  await expect(view.getByRole("list", { name: "Chain of awaits from one" }).getByRole("listitem")).toHaveText([
    "one awaits Lock 2, held by two",
    "└ two awaits Lock 1, held by one",
    "  └ one (already above: a cycle)",
  ]);
  await axe(page);
});

const FORGOTTEN = `import * as asyncio from "asyncio";

function* forgotten(): asyncio.Coroutine<void> {
  console.log("never printed");
}

function* main(): asyncio.Coroutine<void> {
  asyncio.sleep(0.5);
  forgotten();
  yield* asyncio.sleep(0.1);
  console.log("done");
}

asyncio.run(main());`;

test("a sleep() and a coroutine of the reader's own, created and never awaited, are noted on the timeline and in the table", async ({ page }) => {
  await open(page);
  const cell = cellById(page, CELL);
  await replaceCode(page, cell, FORGOTTEN);
  await runCell(cell);
  const timeline = cell.locator("[data-timeline]");
  const table = timeline.getByRole("table", { name: /^Timeline of/ });
  await expect(table).toBeVisible();
  // On the real-time loop, main's first step begins a moment after the loop starts (how long, a busy machine decides).
  const sleep = /At \d+\.\d{3} s: coroutine 'sleep' was created and never awaited \(line 8\)/;
  const own = /At \d+\.\d{3} s: coroutine 'forgotten' was created and never awaited \(line 9\)/;
  const notes = table.getByRole("row", { name: /^Task-1/ }).getByRole("cell").last();
  await expect(notes).toContainText(sleep);
  await expect(notes).toContainText(own);
  await expect(timeline.locator("[data-chart] .tl-note title")).toHaveText([new RegExp(`^${sleep.source}$`), new RegExp(`^${own.source}$`)]);
  await table.getByRole("button", { name: "Task-1" }).click();
  await expect(timeline.locator("[data-why]")).toContainText(own);
  await axe(page);
});

test("chapter 8's debug-mode cell: recorded, it still prints what it should, and its Timeline notes the forgotten coroutine", async ({ page }) => {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "debug-mode"))!;
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
  const cell = cellById(page, "debug-mode");
  await cell.getByRole("button", { name: /^Timeline/ }).click();
  const table = cell.getByRole("table", { name: /^Timeline of debug-mode/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(cell).toHaveAttribute("data-result", "match");
  await expect(table.getByRole("row", { name: /^Task-1/ }).getByRole("cell").last()).toContainText(
    /At \d+\.\d{3} s: coroutine 'forgotten' was created and never awaited \(line 17\)/,
  );
});
