/**
 * Offline, WebContainer.boot() never settles. The page must say so within a few seconds, run
 * the cell in the worker instead, and never hang.
 */
import { expect, test } from "@playwright/test";
import { cellById, chooseRuntime, firstChapter, liveLines, waitForEnd } from "./helpers.ts";

const chapter = firstChapter();
const first = chapter.cells[0]!;

for (const choice of ["auto", "webcontainer"] as const) {
  test(`runtime "${choice}" with no network: the badge says why it fell back, and the cell still runs`, async ({ page }) => {
    // Only the site itself is reachable, as on a machine with no internet.
    await page.route((url) => url.hostname !== "localhost", (route) => route.abort("internetdisconnected"));
    await page.goto(chapter.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await chooseRuntime(page, choice);

    const cell = cellById(page, first.id);
    const pressed = Date.now();
    await cell.getByRole("button", { name: /^Run/ }).click();
    const badge = page.locator("[data-runtime-badge]");
    // While it waits for the boot, the badge says so...
    await expect(badge).toHaveAttribute("data-state", "booting", { timeout: 5_000 });
    // ...then, within the boot deadline, names the worker and why the WebContainer is not used.
    await expect(badge).toHaveAttribute("data-fallback", "", { timeout: 8_000 });
    expect(Date.now() - pressed).toBeLessThan(8_000);
    await expect(badge).toHaveText(/^Runtime: in-page worker\. WebContainer .{10,}/);
    await waitForEnd(cell, 20_000);
    expect(Date.now() - pressed).toBeLessThan(15_000);
    await expect(cell.locator("[data-badge]")).toHaveText("in-page worker");
    expect((await liveLines(cell)).join("\n")).toBe(first.expected);
  });
}
