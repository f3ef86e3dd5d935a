/**
 * Chapter 2's folds ("How this measurement works"): closed on screen, opened by keyboard, and
 * the cells inside run and match like any other; a link into a fold opens it; print shows them.
 */
import { expect, test } from "@playwright/test";
import { cellById, chapters, chooseRuntime, focusControl, liveLines, waitForEnd } from "./helpers.ts";
import { outputProblems } from "../src/notebook/index.ts";

const chapter = chapters().find((c) => c.id.startsWith("02-"))!;
const folded = ["start-cost", "relay", "idle-workers"];

test(`${chapter.id}: a fold opens from the keyboard, and the cell inside runs and matches`, async ({ page }) => {
  const info = chapter.cells.find((cell) => cell.id === "idle-workers")!;
  test.setTimeout(info.timeoutMs + 30_000);
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
  const cell = cellById(page, info.id);
  const fold = page.locator("details[data-fold]", { has: cell });
  const summary = fold.locator("> summary");
  await expect(fold).not.toHaveAttribute("open");
  await expect(summary).toHaveText(/^How this measurement works: /);
  await expect(cell.getByRole("button", { name: /^Run(?! both)/ })).toBeHidden();

  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(fold).toHaveAttribute("open");
  const run = cell.getByRole("button", { name: /^Run(?! both)/ });
  await expect(run).toBeVisible();
  await focusControl(run);
  await page.keyboard.press("Enter");
  await waitForEnd(cell, info.timeoutMs + 15_000);
  const stdout = (await liveLines(cell)).join("\n");
  expect(outputProblems({ expected: info.expected }, { stdout, stderr: "" }), stdout).toEqual([]);
  await expect(cell).toHaveAttribute("data-result", "match");

  await summary.focus();
  await page.keyboard.press("Space");
  await expect(fold).not.toHaveAttribute("open");
});

test(`${chapter.id}: a link to a cell in a fold opens the fold`, async ({ page }) => {
  await page.goto(`${chapter.url}#relay`);
  await expect(cellById(page, "relay").locator("[data-panel=ts] [data-code]")).toBeInViewport();
  await expect(page.locator("details[data-fold]", { has: cellById(page, "relay") })).toHaveAttribute("open");
  await expect(page.locator("details[data-fold]", { has: cellById(page, "start-cost") })).not.toHaveAttribute("open");
});

test(`${chapter.id}: print shows what the folds hold, each cell's code and expected output`, async ({ page }) => {
  await page.goto(chapter.url);
  const folds = page.locator("details[data-fold]");
  expect(await folds.count()).toBeGreaterThanOrEqual(folded.length);
  await page.emulateMedia({ media: "print" });
  for (const id of folded) {
    const cell = cellById(page, id);
    await expect(page.locator("details[data-fold]", { has: cell })).not.toHaveAttribute("open");
    await expect(cell.locator("[data-panel=ts] [data-code] pre.astro-code")).toBeVisible();
    await expect(cell.locator("[data-panel=py] [data-code] pre.astro-code")).toBeVisible();
    await expect(cell.locator("[data-panel=ts] [data-expected]")).toBeVisible();
  }
  // The ThreadBots' module too, in the fold that holds no cell.
  await expect(page.getByText("export function threadBotShift")).toBeVisible();
});
