/**
 * The Python half's Timeline and Step through, in the page: CPython's own loop (Pyodide in its
 * worker) fed into the same table, stepping panel and line highlight as the TypeScript half.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { axeViolations, cellById, chapters, tableRows } from "./helpers.ts";

/** Loading Pyodide takes seconds, many more on a loaded machine. */
const LOAD_MS = 120_000;

const half = (cell: Locator): Locator => cell.locator("[data-panel=py]");

async function openPython(page: Page, id: string): Promise<Locator> {
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === id))!;
  await page.goto(chapter.url);
  const cell = cellById(page, id);
  await cell.getByRole("tab", { name: "Python original" }).click();
  await expect(half(cell)).toBeVisible();
  return half(cell);
}

test("Python Step through walks CPython's loop with a moving line highlight, runs to the straight run's output, and its Timeline names Python's tasks", async ({ page }) => {
  test.setTimeout(LOAD_MS + 60_000);
  const py = await openPython(page, "gather-lanes");
  await py.getByRole("button", { name: /^Step through/ }).click();
  const stepper = py.locator("[data-stepper]");
  const status = stepper.locator("[data-step-status]");
  await expect(status).toHaveText("Paused before Task-1: step (starts; created at line 10).", { timeout: LOAD_MS });
  await expect(stepper.locator("[data-step-clock]")).toHaveText(/^Loop time 0\.000 s \(VirtualTimeLoop\)/);
  const marked = py.locator("[data-code] .line.step-line");
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveText("asyncio.run(main())");
  await expect(marked).toHaveAttribute("aria-current", "step");
  await py.getByRole("button", { name: "Next", exact: true }).click();
  await expect(status).toHaveText("Paused before Task-2: step (starts; created at line 8).");
  await expect(marked).toHaveText(/^\s*await asyncio\.gather/);
  await expect(stepper.getByRole("list", { name: "Ready queue" }).getByRole("listitem")).toHaveText(["Task-3: step", "Task-4: step"]);
  await expect(stepper.getByRole("list", { name: "Tasks" })).toContainText("Task-1: waiting on gather(Task-2, Task-3, Task-4)");
  // Keyboard, as in the TypeScript half: K is "Next tick", to the first wake-up at 0.1 s.
  await py.getByRole("button", { name: "Next", exact: true }).press("k");
  await expect(status).toHaveText(/^Paused before wake Task-3 \(sleep\)/);
  await expect(stepper.getByRole("list", { name: "Timers" }).getByRole("listitem")).toHaveText(["0.200 s: wake Task-4 (sleep)", "0.300 s: wake Task-2 (sleep)"]);
  await py.getByRole("button", { name: "Run to end" }).click();
  await expect(status).toHaveText(/Restart to step it again\.$/);
  await expect(half(page.locator("#gather-lanes")).locator("[data-status]")).toHaveText(/^Matches the expected output/);
  expect(await py.locator('[role="log"] .line.stdout').allTextContents()).toEqual(["second woke after 0.1 s", "third woke after 0.2 s", "first woke after 0.3 s"]);
  await expect(marked).toHaveCount(0);
  // The stepped run was recorded: the Python Timeline opens at once, one row per Python task.
  await py.getByRole("button", { name: /^Timeline/ }).click();
  const table = py.getByRole("table", { name: "Timeline of the Python of gather-lanes" });
  const rows = await tableRows(table);
  expect(rows.map((row) => [row[0], row[3], row[4], row[5]])).toEqual([
    ["Task-1", "2", "result", "gather(Task-2, Task-3, Task-4)"],
    ["Task-2", "2", "result", "sleep(0.3)"],
    ["Task-3", "2", "result", "sleep(0.1)"],
    ["Task-4", "2", "result", "sleep(0.2)"],
  ]);
  expect(rows.map((row) => row[2])).toEqual(["0.300", "0.300", "0.100", "0.200"]);
  await expect(py.locator("[data-chart] svg")).toHaveAttribute("aria-label", /^Timeline of the Python of gather-lanes: 4 tasks/);
  // The Python tab's views, made from the TypeScript tab's, have ids and names of their own.
  await expect(py.getByRole("button", { name: /^Timeline/ })).toHaveAttribute("aria-controls", "gather-lanes-py-timeline");
  expect(await axeViolations(page, "#gather-lanes")).toEqual([]);
});

test("Stop while the Python half is paused ends the run, and Run then runs it straight", async ({ page }) => {
  test.setTimeout(LOAD_MS + 60_000);
  const py = await openPython(page, "gather-lanes");
  await py.getByRole("button", { name: /^Step through/ }).click();
  await expect(py.locator("[data-stepper] [data-step-status]")).toHaveText(/^Paused before Task-1: step/, { timeout: LOAD_MS });
  await py.getByRole("button", { name: /^Stop/ }).click();
  const cell = page.locator("#gather-lanes");
  await expect(cell).toHaveAttribute("data-python-result", /.+/);
  await expect(py.locator("[data-status]")).toHaveText(/^Stopped/);
  await expect(py.locator('[role="log"] .line.stdout')).toHaveCount(0);
  await py.getByRole("button", { name: /^Run(?! both| to end)/ }).click();
  await expect(py.locator("[data-status]")).toHaveText(/^Matches the expected output/, { timeout: LOAD_MS });
});

test("Python Step through pauses in CPython's order: call_soon's callbacks before a timer already due, the editor's line marked", async ({ page }) => {
  test.setTimeout(LOAD_MS + 60_000);
  const py = await openPython(page, "gather-lanes");
  await py.getByRole("button", { name: /^Edit/ }).click();
  const content = py.locator(".cm-content");
  await expect(content).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  const code = [
    "import asyncio",
    "",
    "async def main():",
    "    loop = asyncio.get_running_loop()",
    '    loop.call_later(0.002, print, "A later")',
    '    loop.call_soon(print, "B soon")',
    '    loop.call_soon(print, "C soon")',
    "    await asyncio.sleep(0.05)",
    "",
    "asyncio.run(main())",
  ];
  await page.keyboard.insertText(code.join("\n"));
  await py.getByRole("button", { name: /^Step through/ }).click();
  const stepper = py.locator("[data-stepper]");
  const status = stepper.locator("[data-step-status]");
  await expect(status).toHaveText("Paused before Task-1: step (starts; created at line 10).", { timeout: LOAD_MS });
  const marked = py.locator(".cm-step-line");
  await expect(marked).toHaveAttribute("data-step-line", "10");
  await expect(marked).toHaveAttribute("aria-current", "step");
  await py.getByRole("button", { name: "Next", exact: true }).click();
  await expect(status).toHaveText("Paused before print('B soon') (scheduled at line 6).");
  await expect(marked).toHaveAttribute("data-step-line", "6");
  await expect(stepper.getByRole("list", { name: "Ready queue" }).getByRole("listitem")).toHaveText(["print('C soon')"]);
  await expect(stepper.getByRole("list", { name: "Timers" }).getByRole("listitem")).toHaveText(["0.002 s: print('A later')", "0.050 s: wake Task-1 (sleep)"]);
  await py.getByRole("button", { name: "Next", exact: true }).click();
  await expect(status).toHaveText("Paused before print('C soon') (scheduled at line 7).");
  await py.getByRole("button", { name: "Next", exact: true }).click();
  await expect(status).toHaveText("Paused before print('A later') (scheduled at line 5).");
  await expect(stepper.locator("[data-step-clock]")).toHaveText(/^Loop time 0\.002 s/);
  await py.getByRole("button", { name: "Run to end" }).click();
  await expect(status).toHaveText(/Restart to step it again\.$/);
  expect(await py.locator('[role="log"] .line.stdout').allTextContents()).toEqual(["B soon", "C soon", "A later"]);
});

test("Run both on a cell with a Timeline shows both timelines side by side, lane for lane", async ({ page }) => {
  test.setTimeout(LOAD_MS + 60_000);
  const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "gather-lanes"))!;
  await page.goto(chapter.url);
  const cell = cellById(page, "gather-lanes");
  await cell.getByRole("button", { name: /^Run both/ }).click();
  const region = cell.locator("[data-both]");
  const table = region.getByRole("table", { name: "Lanes of gather-lanes, TypeScript beside Python" });
  await expect(table).toBeVisible({ timeout: LOAD_MS });
  const rows = await tableRows(table);
  expect(rows.map((row) => [row[0], row[3], row[4], row[7], row[8]])).toEqual([
    ["Task-1", "gather(Task-2, Task-3, Task-4)", "Task-1", "gather(Task-2, Task-3, Task-4)", "same"],
    ["Task-2", "sleep(0.3)", "Task-2", "sleep(0.3)", "same"],
    ["Task-3", "sleep(0.1)", "Task-3", "sleep(0.1)", "same"],
    ["Task-4", "sleep(0.2)", "Task-4", "sleep(0.2)", "same"],
  ]);
  await expect(region.getByRole("region", { name: "TypeScript Timeline of gather-lanes" }).locator("svg")).toHaveAttribute("aria-label", /: 4 tasks/);
  await expect(region.getByRole("region", { name: "Python Timeline of gather-lanes" }).locator("svg")).toHaveAttribute("aria-label", /: 4 tasks/);
});
