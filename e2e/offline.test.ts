/**
 * After one visit the whole site works offline: the service worker precaches every page, the
 * library, the worker and the search index. And it keeps the page cross-origin isolated.
 */
import { expect, test } from "@playwright/test";
import { chapters } from "./helpers.ts";

const all = chapters().filter((c) => c.cells.length > 0);
const [visited, other] = [all[0]!, all.at(-2)!];

test("after one visit, another chapter loads offline and runs its cells; search answers offline", async ({ page, context }) => {
  test.setTimeout(120_000 + other.cells.length * 10_000);
  await page.goto(visited.url);
  // The first visit installs the service worker, which precaches the site, then controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });

  await context.setOffline(true);
  await page.goto(other.url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByRole("button", { name: "Run all cells" }).click();
  await expect(page.locator("[data-progress-text]")).toHaveText(
    `Ran ${other.cells.length} cells: ${other.cells.length} matched the expected output.`,
    { timeout: 60_000 + other.cells.length * 10_000 },
  );
  for (const cell of await page.locator("section[data-cell]").all()) {
    await expect(cell.locator("[data-panel=ts] [data-badge]")).toHaveText("in-page worker");
  }

  await page.getByRole("button", { name: /^Search/ }).click();
  await page.getByRole("searchbox").fill("CancelledError");
  await expect(page.getByRole("dialog").locator("ol a").first()).toBeVisible();

  // A page reloaded offline is served again, editor included.
  await page.reload();
  const first = page.locator("section[data-cell]").first();
  await first.getByRole("button", { name: /^Edit/ }).click();
  await expect(first.locator("[data-panel=ts] .cm-content")).toBeFocused();
});
