/** With JavaScript off, a chapter still reads: code, Python original and expected output. */
import { expect, test } from "@playwright/test";
import { cellById, firstChapter } from "./helpers.ts";

test.use({ javaScriptEnabled: false });

test("every cell shows its highlighted code, its Python original and its expected output", async ({ page }) => {
  const chapter = firstChapter();
  await page.goto(chapter.url);
  for (const cell of chapter.cells) {
    const section = cellById(page, cell.id);
    await expect(section.locator("[data-panel=ts] [data-code] pre.astro-code")).toBeVisible();
    await expect(section.locator("[data-panel=ts] [data-code] pre span[style]").first()).toBeVisible(); // Shiki's colours
    await expect(section.locator("[data-panel=ts] [data-expected]")).toHaveText(cell.expected);
    if (cell.python !== undefined) {
      await expect(section.locator("[data-panel=py] [data-code] pre.astro-code")).toBeVisible();
      await expect(section.locator("[data-panel=py] [data-expected]")).toHaveText(cell.pythonExpected!);
    }
    // Nothing can run, so no controls pretend it can.
    await expect(section.getByRole("button", { name: /^Run(?! both)/ })).toBeHidden();
  }
  await expect(page.locator("[data-notebook-bar]")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "On this page" })).toBeVisible();
});

test("the reference page reads without JavaScript, and the home page and the header link to it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("main").getByRole("link", { name: "asyncio ↔ TypeScript reference" })).toBeVisible();
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "asyncio ↔ TypeScript reference" }).click();
  await expect(page).toHaveURL(/\/reference\/$/);
  const row = page.locator("tr#ref-createTask");
  await expect(row.locator("td").nth(0)).toHaveText("asyncio.create_task()");
  await expect(row.locator("td").nth(1)).toContainText("asyncio.createTask()");
  await expect(row.locator("td").nth(2)).toContainText("Wrap coro in a Task");
  await expect(page.locator("tr#ref-Future-addDoneCallback td").first()).toHaveText("Future.add_done_callback()");
  await expect(page.getByRole("heading", { level: 2, name: "Not ported" })).toBeVisible();
});
