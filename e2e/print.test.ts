/** A chapter prints as a clean article: its text, each cell's code and expected output, no controls. */
import { expect, test } from "@playwright/test";
import { chapters } from "./helpers.ts";

const chapter = chapters().find((c) => c.cells.some((cell) => cell.python)) ?? chapters()[0]!;

test(`${chapter.id} prints its code and expected output, without controls or navigation`, async ({ page }) => {
  await page.goto(chapter.url);
  await expect(page.locator("section[data-cell] [data-controls]").first()).toBeVisible();
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  for (const hidden of ["[data-notebook-bar]", ".toc", ".pager", "[data-controls]", "[role=tablist]", "[data-search-open]", ".heading-anchor"]) {
    const elements = await page.locator(hidden).all();
    expect(elements.length, `${hidden} is on the page`).toBeGreaterThan(0);
    for (const element of elements) await expect(element, hidden).toBeHidden();
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const cell of chapter.cells) {
    const section = page.locator(`section[data-cell]#${cell.id}`);
    await expect(section.locator("[data-panel=ts] [data-code] pre.astro-code")).toBeVisible();
    if (cell.python) {
      await expect(section.locator("[data-panel=py] [data-code] pre.astro-code")).toBeVisible();
      await expect(section.locator("[data-panel=py] [data-expected]")).toBeVisible();
      await expect(section.locator("[data-panel=py]").getByText("Python original", { exact: true })).toBeVisible();
    }
    await expect(section.locator("[data-panel=ts] [data-expected]")).toBeVisible();
  }
  // Light colours on paper, whatever the screen's scheme.
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe("rgb(255, 255, 255)");
  // A chapter of cells runs to several pages; a print style that hid the article would leave one.
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  expect(pdf.startsWith("%PDF-")).toBe(true);
  expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0).toBeGreaterThan(1);
});
