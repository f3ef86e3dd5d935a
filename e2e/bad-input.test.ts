/**
 * What a reader's broken code does: it must never hang or freeze the page, and it must say
 * what went wrong in the reader's own terms. Driven through the real chapter page, by editing
 * its first cell.
 */
import { expect, test } from "@playwright/test";
import { cellById, chooseRuntime, firstChapter, liveLines, pageAnswers, replaceCode, runCell, waitForEnd } from "./helpers.ts";

const chapter = firstChapter();
const first = chapter.cells[0]!;

test.beforeEach(async ({ page }) => {
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
});

test("a syntax error shows its message with line:column, and nothing runs", async ({ page }) => {
  const cell = cellById(page, first.id);
  await replaceCode(page, cell, 'console.log("before");\nconst x = ;');
  const status = await runCell(cell);
  expect(status).toMatch(/Syntax error: .*snippet\.ts:2:11/);
  await expect(cell).toHaveAttribute("data-result", "error");
  expect(await liveLines(cell)).toEqual([]);
});

test("output printed before an endless loop shows while the loop spins", async ({ page }) => {
  const cell = cellById(page, first.id);
  await replaceCode(page, cell, 'console.log("spinning");\nwhile (true) {}');
  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  await expect(cell.locator('[data-panel=ts] [role="log"] .line')).toHaveText(["spinning"], { timeout: 5_000 });
  await cell.getByRole("button", { name: /^Stop/ }).click();
  await waitForEnd(cell);
});

test("Stop ends an endless loop at once, and the page stays responsive", async ({ page }) => {
  const cell = cellById(page, first.id);
  await replaceCode(page, cell, "while (true) {}");
  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  await expect(cell.locator("[data-panel=ts] [data-status]")).toHaveText("Running…");
  expect(await pageAnswers(page)).toBe(true);

  await cell.getByRole("button", { name: /^Stop/ }).click();
  // Stopped, not timed out: the status says which ended it.
  expect(await waitForEnd(cell)).toMatch(/^Stopped after/);
  await expect(cell.getByRole("button", { name: /^Run(?! both)/ })).toBeEnabled();
});

test("the cell's time limit ends an endless loop with a clear message", async ({ page }) => {
  test.setTimeout(first.timeoutMs + 30_000);
  const cell = cellById(page, first.id);
  await replaceCode(page, cell, "while (true) {}");
  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  await expect(cell.locator("[data-panel=ts] [data-status]")).toContainText("Running");
  expect(await pageAnswers(page)).toBe(true);
  const status = await waitForEnd(cell, first.timeoutMs + 10_000);
  expect(status).toMatch(/^Timed out: the cell ran past its 10\.0+ s limit/);
});

test("a million printed lines are cut off with a notice, and the page stays responsive", async ({ page }) => {
  const cell = cellById(page, first.id);
  await replaceCode(page, cell, "for (let i = 0; i < 1_000_000; i++) console.log(`line ${i}`);");
  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  await expect(cell.locator('[data-panel=ts] [role="log"] .line').first()).toHaveText("line 0");
  for (let i = 0; i < 5; i++) expect(await pageAnswers(page)).toBe(true);
  const status = await waitForEnd(cell);
  expect(status).toMatch(/truncated/i);
  await expect(cell.locator('[data-panel=ts] [role="log"] .notice').first()).toContainText(/truncated|not shown/i);
  const shown = await cell.locator('[data-panel=ts] [role="log"] .line').count();
  expect(shown).toBeGreaterThan(100);
  expect(shown).toBeLessThanOrEqual(5_000);
});

test("an uncaught exception's stack points at the snippet's own lines", async ({ page }) => {
  const cell = cellById(page, first.id);
  await replaceCode(page, cell, 'function explode(): never {\n  throw new Error("boom");\n}\nexplode();');
  const status = await runCell(cell);
  expect(status).toMatch(/Exited with code 1/);
  const stderr = (await liveLines(cell, "stderr")).join("\n");
  expect(stderr).toContain("Error: boom");
  expect(stderr).toMatch(/snippet\.ts:2:9/);
  expect(stderr).toMatch(/snippet\.ts:4:1/);
  expect(stderr).not.toMatch(/blob:|https?:\/\/|\/tmp\//);
});

test("output that looks like HTML is shown as text", async ({ page }) => {
  const cell = cellById(page, first.id);
  const html = '<b id="injected">bold</b><img src=x onerror="window.__pwned = true">';
  await replaceCode(page, cell, `console.log(${JSON.stringify(html)});`);
  await runCell(cell);
  await expect(cell.locator('[data-panel=ts] [role="log"] .line.stdout')).toHaveText([html]);
  await expect(page.locator("#injected")).toHaveCount(0);
  await expect(cell.locator('[data-panel=ts] [role="log"] img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
});
