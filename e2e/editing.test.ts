/** Editing a cell: CodeMirror on first Edit, Ctrl+Enter runs, edits survive reload until Reset. */
import { expect, test } from "@playwright/test";
import { cellById, chooseRuntime, firstChapter, liveLines, replaceCode, waitForEnd } from "./helpers.ts";

const chapter = firstChapter();
const first = chapter.cells[0]!;

test("Edit loads the editor only when asked, Ctrl+Enter runs the edit, reload keeps it, Reset restores", async ({ page }) => {
  const editorRequests: string[] = [];
  page.on("request", (request) => {
    if (/cell-editor/.test(request.url())) editorRequests.push(request.url());
  });
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
  const cell = cellById(page, first.id);
  await expect(cell.locator(".cm-editor")).toHaveCount(0);
  expect(editorRequests).toEqual([]);

  await replaceCode(page, cell, 'console.log("edited!");');
  expect(editorRequests.length).toBeGreaterThan(0);
  await expect(cell.getByRole("button", { name: /^Reset/ })).toBeEnabled();
  await page.keyboard.press("Control+Enter");
  await waitForEnd(cell);
  expect(await liveLines(cell)).toEqual(["edited!"]);
  await expect(cell).toHaveAttribute("data-result", "differs");
  await expect(cell.locator('[data-panel=ts] [role="log"] .line.departs')).toHaveText(["edited!"]);

  await page.reload();
  const reloaded = cellById(page, first.id);
  await expect(reloaded.locator("[data-panel=ts] .cm-content")).toHaveText('console.log("edited!");');
  await expect(reloaded.locator("[data-panel=ts] [data-code]")).toBeHidden();

  await reloaded.getByRole("button", { name: /^Reset/ }).click();
  await expect(reloaded.locator(".cm-editor")).toHaveCount(0);
  await expect(reloaded.locator("[data-panel=ts] [data-code]")).toBeVisible();
  await expect(reloaded.getByRole("button", { name: /^Edit/ })).toBeFocused();
  await expect(reloaded.getByRole("button", { name: /^Reset/ })).toBeDisabled();

  await page.reload();
  await expect(cellById(page, first.id).locator(".cm-editor")).toHaveCount(0);
  await cellById(page, first.id).getByRole("button", { name: /^Edit/ }).click();
  await expect(cellById(page, first.id).locator("[data-panel=ts] .cm-content")).toHaveText(first.code.split("\n").join(""));
});

test("Copy puts the cell's current code on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(chapter.url);
  const cell = cellById(page, first.id);
  await cell.getByRole("button", { name: /^Copy/ }).click();
  await expect(cell.locator("[data-panel=ts] [data-status]")).toHaveText("Code copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first.code);
});
