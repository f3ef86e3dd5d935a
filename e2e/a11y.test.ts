/** axe on every page, at rest and with a cell's dynamic parts open: no violations. */
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, cellById, chapters, chooseRuntime, firstChapter, runCell } from "./helpers.ts";

const violations = (page: Page): Promise<string[]> => axeViolations(page);

test("home page", async ({ page }) => {
  await page.goto("/");
  expect(await violations(page)).toEqual([]);
});

test("reference page", async ({ page }) => {
  test.slow(); // some 450 table rows for axe to check
  await page.goto("/reference/");
  await expect(page.getByRole("heading", { level: 1, name: "asyncio ↔ TypeScript reference" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("reference page, dark colour scheme on a narrow screen", async ({ page }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/reference/#ref-Future");
  expect(await violations(page)).toEqual([]);
});

test("not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-chapter/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

for (const chapter of chapters()) {
  test(`chapter ${chapter.id}`, async ({ page }) => {
    test.slow(); // thousands of highlighted tokens for axe on the long chapters
    await page.goto(chapter.url);
    expect(await violations(page)).toEqual([]);
  });
}

test("the longest chapter on a phone (390 px)", async ({ page }) => {
  test.slow(); // a long page for axe
  const longest = chapters().reduce((a, b) => (b.cells.length > a.cells.length ? b : a));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(longest.url);
  expect(await violations(page)).toEqual([]);
});

test("a cell with live output, the editor and the Python tab open", async ({ page }) => {
  const chapter = firstChapter();
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
  const withPython = chapter.cells.find((cell) => cell.python !== undefined)!;
  const cell = cellById(page, withPython.id);
  await runCell(cell);
  await cell.getByRole("button", { name: /^Edit/ }).click();
  await expect(cell.locator(".cm-editor")).toBeVisible();
  // The cell only: the rest of the chapter is the test above's.
  expect(await axeViolations(page, `#${withPython.id}`)).toEqual([]);
  await cell.getByRole("tab", { name: "Python original" }).click();
  expect(await axeViolations(page, `#${withPython.id}`)).toEqual([]);
});

test("dark colour scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(firstChapter().url);
  expect(await violations(page)).toEqual([]);
});
