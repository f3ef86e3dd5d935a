/**
 * Going from chapter to chapter keeps the runtime: the client router swaps pages in place, so
 * the warm worker (and the session's runtime state) lives on. Back/forward, anchors and scroll
 * restoration still work.
 */
import { expect, test, type Page } from "@playwright/test";
import { cellById, chapters, waitForEnd } from "./helpers.ts";

const runnable = chapters().filter((c) => c.cells.length > 0);
const [from, to] = [runnable[2]!, runnable[3]!];

/** How many times the page fetched the worker's script: once per worker started. */
const workerFetches = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /worker-entry/.test(e.name)).length);

/** Waits until the client router has loaded (it loads when the page is idle). */
async function routerReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /\/router\.[\w-]+\.js$/.test(e.name)));
}

test(`${from.id} → ${to.id}: the next chapter runs in the same warm worker, with no new page load`, async ({ page }) => {
  await page.goto(from.url);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const first = cellById(page, from.cells[0]!.id);
  await first.getByRole("button", { name: /^Run(?! both)/ }).click();
  await waitForEnd(first);
  await expect(first).toHaveAttribute("data-result", "match");
  await routerReady(page);
  const workersBefore = await workerFetches(page);

  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(to.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(await page.title().then((t) => t.split(" · ")[0]!));
  // Same document: no page load happened.
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  const next = cellById(page, to.cells[0]!.id);
  await next.getByRole("button", { name: /^Run(?! both)/ }).click();
  await waitForEnd(next);
  await expect(next).toHaveAttribute("data-result", "match");
  await expect(next.locator("[data-panel=ts] [data-badge]")).toHaveText("in-page worker");
  // The runner was not started again: no second worker script fetch beyond the spare it keeps.
  expect(await workerFetches(page)).toBeLessThanOrEqual(workersBefore + 1);
  await expect(page.locator("[data-runtime-badge]")).not.toHaveText("Runtime: starts on first Run");
  // The swapped-in page's exercises get their controls too.
  await expect(page.locator("section[data-exercise]").first().getByRole("button", { name: /^Check/ })).toBeVisible();
});

test("back and forward, scroll restoration and anchors across client-side navigation", async ({ page }) => {
  await page.goto(from.url);
  await routerReady(page);
  await page.evaluate(() => window.scrollTo(0, 1200));
  // The router records the position (in history.state) at scrollend.
  await expect.poll(() => page.evaluate(() => (history.state as { scrollY?: number } | null)?.scrollY)).toBe(1200);
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(to.url);

  // An anchor in the table of contents: the heading scrolls into view, the URL has its hash.
  const tocLink = page.getByRole("navigation", { name: "On this page" }).getByRole("link").nth(1);
  const hash = (await tocLink.getAttribute("href"))!;
  await tocLink.click();
  await expect(page).toHaveURL(`${to.url}${hash}`);
  await expect(page.locator(hash)).toBeInViewport();

  await page.goBack();
  await expect(page).toHaveURL(to.url);
  await page.goBack();
  await expect(page).toHaveURL(from.url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  // The cells of the page we came back to work.
  const cell = cellById(page, from.cells[0]!.id);
  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  await waitForEnd(cell);
  await expect(cell).toHaveAttribute("data-result", "match");

  await page.goForward();
  await expect(page).toHaveURL(to.url);
  await expect(cellById(page, to.cells[0]!.id)).toBeVisible();
});
