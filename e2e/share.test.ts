/**
 * Share: a link that carries a cell's edited code (either half), copied and shown in a "Share
 * link" field; opening it shows that code in that cell, marked as shared and not run, with
 * Reset returning to ours. A link the page cannot use says why.
 */
import { expect, test, type Page } from "@playwright/test";
import { cellById, chapters, firstChapter, replaceCode } from "./helpers.ts";

const chapter = firstChapter();
const first = chapter.cells[0]!;
const withPython = chapter.cells.find((cell) => cell.python !== undefined)!;

async function shareLink(page: Page, cellId: string, lang: "ts" | "py"): Promise<string> {
  const half = cellById(page, cellId).locator(`[data-panel=${lang}]`);
  await half.getByRole("button", { name: /^Share/ }).click();
  const field = half.getByRole("textbox", { name: "Share link" });
  await expect(field).toHaveValue(/#share\//);
  await expect(field).toBeFocused();
  await expect(half.locator("[data-status]")).toHaveText(/^Share link copied to the clipboard/);
  const link = await field.inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  return link;
}

/** From the page's first script on, notes each cell that starts a run (it gets `data-running`). */
async function recordRuns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const started: string[] = [];
    (window as unknown as { runsStarted: string[] }).runsStarted = started;
    new MutationObserver((records) => {
      for (const { target } of records) {
        if (target instanceof Element && target.matches("[data-cell][data-running]")) started.push(target.id);
      }
    }).observe(document, { subtree: true, attributeFilter: ["data-running"] });
  });
}

async function runsStarted(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { runsStarted: string[] }).runsStarted);
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("an edited TypeScript cell shared by link opens with its code, marked shared, not run; Reset returns ours", async ({ page, context }) => {
  await page.goto(chapter.url);
  const code = 'console.log("shared with you");';
  await replaceCode(page, cellById(page, first.id), code);
  const link = await shareLink(page, first.id, "ts");

  const other = await context.newPage(); // same storage: the sender's own saved edit must not decide what shows
  await page.evaluate(() => localStorage.clear());
  await recordRuns(other);
  await other.goto(link);
  const cell = cellById(other, first.id);
  await expect(cell.locator("[data-panel=ts] .cm-content")).toHaveText(code);
  await expect(cell.locator("[data-panel=ts]")).toHaveAttribute("data-shared", "");
  await expect(cell.getByText(/^Shared code, from the link you opened: it has not run/)).toBeVisible();
  await expect(cell.getByRole("button", { name: /^Run(?! both)/ })).toBeFocused();
  // Never run by opening: once the page has done all it does on its own (it is idle), no run
  // has started, and there is no result and no live output.
  await other.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  expect(await runsStarted(other)).toEqual([]);
  await expect(cell).not.toHaveAttribute("data-result");
  await expect(cell.locator("[data-panel=ts] [data-live]")).toBeHidden();

  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  await expect(cell).toHaveAttribute("data-result", "differs", { timeout: 30_000 });
  expect(await runsStarted(other)).toEqual([first.id]); // the record sees a run when there is one
  await expect(cell.locator('[data-panel=ts] [role="log"] .line.stdout')).toHaveText(["shared with you"]);

  await cell.getByRole("button", { name: /^Reset/ }).click();
  await expect(cell.locator("[data-panel=ts] [data-code]")).toBeVisible();
  await expect(cell.getByText(/^Shared code/)).toBeHidden();
  await expect(cell.locator("[data-panel=ts]")).not.toHaveAttribute("data-shared");
});

test("the Python half shares too, and opens on its own tab", async ({ page, context }) => {
  await page.goto(chapter.url);
  const cell = cellById(page, withPython.id);
  await cell.getByRole("tab", { name: "Python original" }).click();
  const link = await shareLink(page, withPython.id, "py");
  const other = await context.newPage();
  await other.goto(link);
  const opened = cellById(other, withPython.id);
  await expect(opened.getByRole("tab", { name: "Python original" })).toHaveAttribute("aria-selected", "true");
  await expect(opened.locator("[data-panel=py] .cm-content")).toHaveText(withPython.python!.split("\n").join(""));
  await expect(opened.locator("[data-panel=py]")).toHaveAttribute("data-shared", "");
  await expect(opened).not.toHaveAttribute("data-python-result");
});

test("a cut link, or one for a cell this page lacks, says why and changes nothing", async ({ page }) => {
  await page.goto(chapter.url);
  const link = await shareLink(page, first.id, "ts");
  const broken = await page.context().newPage();
  await broken.goto(link.slice(0, -6));
  await expect(broken.getByRole("alert")).toHaveText(/^This share link could not be opened: the link's code could not be unpacked/);
  await expect(cellById(broken, first.id).locator("[data-panel=ts] [data-code]")).toBeVisible();

  const elsewhere = chapters()[1]!;
  const foreign = await page.context().newPage();
  await foreign.goto(elsewhere.url + new URL(link).hash);
  await expect(foreign.getByRole("alert")).toContainText(`for a cell (${first.id}) this page does not have`);
});
