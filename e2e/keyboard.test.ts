/** Everything works from the keyboard alone. */
import { expect, test, type Page } from "@playwright/test";
import { cellById, firstChapter, waitForEnd } from "./helpers.ts";

const chapter = firstChapter();
const first = chapter.cells[0]!;

/** Presses Tab until `predicate` holds for the focused element (at most `limit` times). */
async function tabTo(page: Page, predicate: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`never reached ${predicate} by Tab`);
}

test("skip link, runtime switch, Run, tabs and Ctrl+Enter without a mouse", async ({ page }) => {
  await page.goto(chapter.url);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  await tabTo(page, `document.activeElement?.matches("[data-runtime-select]")`);
  await page.keyboard.press("ArrowDown"); // closed <select>: arrows change the value
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("[data-runtime-select]")).toHaveValue("worker");

  await tabTo(page, `document.activeElement?.matches("#${first.id} button[data-action=run]")`);
  await page.keyboard.press("Enter");
  const cell = cellById(page, first.id);
  await waitForEnd(cell);
  await expect(cell).toHaveAttribute("data-result", "match");

  // Language tabs: arrow keys move between TypeScript and Python.
  const tab = cell.getByRole("tab", { name: "TypeScript" });
  await tab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(cell.getByRole("tab", { name: "Python original" })).toBeFocused();
  await expect(cell.locator("[data-panel=py]")).toBeVisible();
  await expect(cell.locator("[data-panel=ts]")).toBeHidden();
  await page.keyboard.press("ArrowLeft");
  await expect(cell.locator("[data-panel=ts]")).toBeVisible();

  // Ctrl+Enter from the (focusable) code block runs the cell again.
  const second = chapter.cells[1]!;
  const next = cellById(page, second.id);
  await next.locator("[data-panel=ts] [data-code] pre").focus();
  await page.keyboard.press("Control+Enter");
  await waitForEnd(next);
  await expect(next).toHaveAttribute("data-result", "match");
});

test("Edit, type, run and leave the editor by keyboard", async ({ page }) => {
  await page.goto(chapter.url);
  await page.locator("[data-runtime-select]").selectOption("worker");
  await tabTo(page, `document.activeElement?.matches("#${first.id} button[data-action=edit]")`);
  await page.keyboard.press("Enter");
  const cell = cellById(page, first.id);
  await expect(cell.locator("[data-panel=ts] .cm-content")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText('\nconsole.log("typed");');
  await page.keyboard.press("Control+Enter");
  await waitForEnd(cell);
  // asyncio.run() returns a Promise at once (main starts on the loop's first turn), so the
  // line appended after it prints first, then the cell's own output.
  await expect(cell.locator('[data-panel=ts] [role="log"] .line.stdout')).toHaveText(["typed", ...first.expected.split("\n")]);
  // Tab inside CodeMirror moves focus on (no indentWithTab), so the reader is never trapped.
  await page.keyboard.press("Tab");
  await expect(cell.locator("[data-panel=ts] .cm-content")).not.toBeFocused();
});
