/**
 * The reader's progress on the chapter lists: cells run (either half) and exercises solved, on
 * the home page and in every chapter's "Chapters and your progress" list, updated as it happens
 * and kept across reloads.
 */
import { expect, test, type Page } from "@playwright/test";
import { cellsText } from "../src/progress/cells-run.ts";
import { cellById, chapters, replaceCode, runCell } from "./helpers.ts";

const chapter = chapters().find((c) => c.cells.length >= 2)!;
const total = chapter.cells.length;

const progressOf = (page: Page, path: string) => page.locator(`[data-chapter-progress][data-chapter-path="${path}"]`);

test("running a cell shows on the chapter's own list at once, then on the home page, and survives a reload", async ({ page }) => {
  await page.goto("/");
  const onHome = progressOf(page, chapter.url);
  await expect(onHome.locator("[data-cells-text]")).toHaveText(cellsText(0, 0, total));

  await page.goto(chapter.url);
  const list = page.getByRole("navigation", { name: "All chapters" });
  await page.getByText("Chapters and your progress").click();
  await expect(list.getByRole("link")).toHaveCount(chapters().length);
  await expect(list.locator('[aria-current="page"]')).toHaveAttribute("href", chapter.url);
  const mine = progressOf(page, chapter.url);
  await expect(mine.locator("[data-cells-text]")).toHaveText(cellsText(0, 0, total));

  expect(await runCell(cellById(page, chapter.cells[0]!.id))).toMatch(/^Matches the expected output/);
  await expect(mine.locator("[data-cells-text]")).toHaveText(cellsText(1, 1, total));
  await expect(mine.locator("[data-cells-meter]")).toHaveAttribute("value", "1");

  await page.reload();
  await expect(progressOf(page, chapter.url).locator("[data-cells-text]")).toHaveText(cellsText(1, 1, total));
  await page.goto("/");
  await expect(onHome.locator("[data-cells-text]")).toHaveText(cellsText(1, 1, total));
  await expect(onHome.locator("[data-cells-meter]")).toHaveAttribute("value", "1");
  // Other chapters are untouched.
  const other = chapters().find((c) => c.id !== chapter.id && c.cells.length > 0)!;
  await expect(progressOf(page, other.url).locator("[data-cells-text]")).toHaveText(cellsText(0, 0, other.cells.length));
});

test("a cell that ran but printed something else counts as run, not matched", async ({ page }) => {
  await page.goto(chapter.url);
  await page.evaluate(() => localStorage.clear());
  const cell = cellById(page, chapter.cells[1]!.id);
  await replaceCode(page, cell, 'console.log("mine");');
  expect(await runCell(cell)).toMatch(/^Differs/);
  await expect(progressOf(page, chapter.url).locator("[data-cells-text]")).toHaveText(cellsText(1, 0, total));
});
