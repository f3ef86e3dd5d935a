/**
 * Predict, then run, in the worker runtime: a wrong prediction names the first line that
 * differs and links it to the row of the task that printed it; a right one says so; both count
 * on the chapter list. Ordering works by keyboard alone and by dragging. Step through's guess
 * of the next callback is told right or wrong by Next. axe finds nothing in any of it.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { predictionLines, shuffled } from "../src/notebook/index.ts";
import { predictionsText } from "../src/progress/predictions.ts";
import { SCHEDULED_NOW } from "../src/timeline/step-guess.ts";
import { axeViolations, cellById, chapters, chooseRuntime, focusControl } from "./helpers.ts";

const chapter = chapters().find((c) => c.cells.some((cell) => cell.id === "gather"))!;
const info = (id: string) => chapter.cells.find((cell) => cell.id === id)!;

/** axe on one cell (the whole chapter is e2e/a11y.test.ts's). */
const violations = (page: Page, cellId: string): Promise<string[]> => axeViolations(page, `#${cellId}`);

const options = (list: Locator) => list.getByRole("option").allTextContents();

/** Puts the lines in `target` order with the keyboard only: ↑/↓ choose, Alt+↑ moves. */
async function orderByKeyboard(page: Page, list: Locator, target: string[]): Promise<void> {
  await expect(list).toBeFocused();
  let selected = 0;
  for (const [position, line] of target.entries()) {
    const from = (await options(list)).indexOf(line);
    while (selected !== from) {
      await page.keyboard.press(selected < from ? "ArrowDown" : "ArrowUp");
      selected += selected < from ? 1 : -1;
    }
    for (let at = from; at > position; at--) await page.keyboard.press("Alt+ArrowUp");
    selected = position;
  }
  expect(await options(list)).toEqual(target);
}

/** Puts the lines in `target` order by dragging each into place with the mouse. */
async function orderByDragging(page: Page, list: Locator, target: string[]): Promise<void> {
  for (const [position, line] of target.entries()) {
    const from = (await options(list)).indexOf(line);
    if (from === position) continue;
    const source = (await list.getByRole("option").nth(from).boundingBox())!;
    const goal = (await list.getByRole("option").nth(position).boundingBox())!;
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(goal.x + goal.width / 2, goal.y + goal.height / 2, { steps: 8 });
    await page.mouse.up();
  }
  expect(await options(list)).toEqual(target);
}

test.beforeEach(async ({ page }) => {
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
});

test("a wrong prediction, by keyboard alone: the first line that differs, linked to the row of the task that printed it", async ({ page }) => {
  test.slow(); // axe, three times
  const cell = cellById(page, "gather");
  const expected = cell.locator("[data-panel=ts] [data-expected]");
  await expect(expected).toBeHidden();
  await expect(cell.getByRole("button", { name: /^Show the expected output/ }).first()).toBeVisible();

  await focusControl(cell.getByRole("button", { name: /^Predict/ }));
  await page.keyboard.press("Enter");
  const list = cell.getByRole("listbox", { name: /^Predict/ });
  await expect(list).toBeFocused();
  const lines = predictionLines(info("gather").expected);
  expect(await options(list)).toEqual(shuffled(lines, "gather"));
  expect(await violations(page, "gather")).toEqual([]);

  // The reader expects the tasks to finish in the order they were passed to gather.
  const guess = ["a finished", "b finished", "c finished", "[ 'A', 'B', 'C' ]", "took 3 s"];
  await orderByKeyboard(page, list, guess);
  await expect(cell.locator("[data-predict-live]")).toHaveText(/^“.+” moved to position \d of 5\.$/);
  await page.keyboard.press("Tab"); // Move up
  await page.keyboard.press("Tab"); // Move down
  await page.keyboard.press("Tab");
  await expect(cell.getByRole("button", { name: "Check by running" })).toBeFocused();
  await page.keyboard.press("Enter");

  const result = cell.locator("[data-predict-result]");
  await expect(result).toHaveText(/^Not quite: line 1 is the first that differs: the program printed “b finished” where you predicted “a finished”\./, { timeout: 30_000 });
  await expect(list.locator('[data-mark="differs"]')).toHaveText(/^a finished/);
  await expect(expected).toBeVisible();
  expect(await violations(page, "gather")).toEqual([]);

  await result.getByRole("link", { name: "See who printed line 1 in the Timeline" }).click();
  const table = cell.getByRole("table", { name: /^Timeline of gather/ });
  await expect(table).toBeVisible();
  // Task-1 is main; a, b and c are Task-2, -3 and -4: b printed the first line (on the worker's real clock, about 1 s in).
  const row = table.locator('tbody tr[aria-current="true"]');
  await expect(row).toHaveCount(1);
  await expect(row.locator("th")).toHaveText("Task-3");
  await expect(row.locator("th")).toBeFocused();
  // Its step began when its 1 s sleep ended: never sooner, and later on a busy machine (real clock).
  const readout = cell.locator("[data-readout]");
  await expect(readout).toHaveText(/^Line 1 was printed by Task-3, in its step at \d+\.\d{3} s/);
  const at = Number(/at (\d+\.\d{3}) s/.exec((await readout.textContent()) ?? "")?.[1]);
  expect(at).toBeGreaterThanOrEqual(1);
  expect(await violations(page, "gather")).toEqual([]);
});

test("a right prediction, by dragging; both count on the chapter list", async ({ page }) => {
  const predicts = chapter.cells.filter((cell) => cell.predict).length;
  const cell = cellById(page, "task-first-turn");
  await cell.getByRole("button", { name: /^Predict/ }).click();
  const list = cell.getByRole("listbox", { name: /^Predict/ });
  await orderByDragging(page, list, predictionLines(info("task-first-turn").expected));
  await cell.getByRole("button", { name: "Check by running" }).click();
  await expect(cell.locator("[data-predict-result]")).toHaveText("Right: the program printed its lines in the order you predicted.", { timeout: 30_000 });

  const progress = page.locator(`[data-chapter-progress][data-chapter-path="${chapter.url}"] [data-predict-progress]`);
  await expect(progress).toHaveText(predictionsText(1, 1, predicts));
  // A second try is practice: the first grade stands.
  await list.getByRole("option").first().click();
  await page.keyboard.press("Alt+ArrowDown");
  await cell.getByRole("button", { name: "Check by running" }).click();
  await expect(cell.locator("[data-predict-result]")).toHaveText(/^Not quite/, { timeout: 30_000 });
  await expect(progress).toHaveText(predictionsText(1, 1, predicts));

  await page.reload();
  await expect(page.locator(`[data-chapter-progress][data-chapter-path="${chapter.url}"] [data-predict-progress]`)).toHaveText(predictionsText(1, 1, predicts));
  // The order the reader left is still there.
  await cellById(page, "task-first-turn").getByRole("button", { name: /^Predict/ }).click();
  // The right order with its first line moved down one: the second try's order. (The list is
  // built when Predict is pressed after a reload, so the check waits for it.)
  const [first, second, ...rest] = predictionLines(info("task-first-turn").expected);
  await expect(cellById(page, "task-first-turn").getByRole("listbox").getByRole("option")).toHaveText([second!, first!, ...rest]);
});

test("Step through: a guess of the next callback, told right or wrong by Next", async ({ page }) => {
  const cell = cellById(page, "gather-lanes");
  await cell.getByRole("button", { name: /^Step through/ }).click();
  const status = cell.locator("[data-step-status]");
  await expect(status).toHaveText(/^Paused before Task-1: step/);
  await cell.getByRole("button", { name: "Next", exact: true }).click();
  await expect(status).toHaveText(/^Paused before Task-2: step/);

  await cell.getByRole("button", { name: "Guess what runs next" }).click();
  const group = cell.getByRole("group", { name: /^After Task-2: step, which runs next\?/ });
  await expect(group.getByRole("radio")).toHaveCount(3);
  await group.getByRole("radio", { name: "Task-3: step" }).check();
  expect(await violations(page, "gather-lanes")).toEqual([]);
  await cell.getByRole("button", { name: "Next", exact: true }).click();
  const told = cell.locator(".step-guess-result");
  await expect(told).toHaveText("Right: Task-3: step runs next, as you guessed.");

  // Keyboard: the choices are radios; N is Next.
  await cell.getByRole("group", { name: /^After Task-3: step/ }).getByRole("radio", { name: SCHEDULED_NOW }).check();
  await page.keyboard.press("n");
  await expect(told).toHaveText(`Not this time: you guessed ${SCHEDULED_NOW}, and Task-4: step runs next.`);
  await expect(page.locator(`[data-chapter-progress][data-chapter-path="${chapter.url}"] [data-predict-progress]`)).toHaveText(/; 1 of 2 step guesses right$/);
});
