/**
 * Never wait for a runtime. Offline, WebContainer.boot() never settles: the first Run on a cold
 * chapter page must still answer from the in-page worker without waiting for the boot, the
 * badge must say why, and the next page of the session must not start the boot again.
 */
import { expect, test, type Page } from "@playwright/test";
import { cellById, chapters, chooseRuntime, liveLines, reveal, waitForEnd } from "./helpers.ts";

const [chapter, nextChapter] = chapters().filter((c) => c.cells.length > 0);

/** Records every state the notebook badge takes, from the page's first script on. */
async function recordBadgeStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const states: string[] = [];
    (window as unknown as { badgeStates: string[] }).badgeStates = states;
    new MutationObserver(() => {
      const badge = document.querySelector<HTMLElement>("[data-runtime-badge]");
      if (badge?.dataset.state && states.at(-1) !== badge.dataset.state) states.push(badge.dataset.state);
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
}

for (const choice of ["auto", "webcontainer"] as const) {
  test(`runtime "${choice}" with no network: the first Run answers from the worker without waiting for the boot`, async ({ page }) => {
    // Only the site itself is reachable, as on a machine with no internet.
    const away: string[] = [];
    await page.route((url) => url.hostname !== "localhost", (route) => {
      away.push(route.request().url());
      return route.abort("internetdisconnected");
    });
    await recordBadgeStates(page);
    await page.goto(chapter!.url, { waitUntil: "domcontentloaded" });
    if (choice !== "auto") await chooseRuntime(page, choice);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    const first = chapter!.cells[0]!;
    const cell = cellById(page, first.id);
    await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
    await waitForEnd(cell, 20_000);
    await expect(cell.locator("[data-panel=ts] [data-badge]")).toHaveText("in-page worker");
    expect((await liveLines(cell)).join("\n")).toBe(first.expected);
    // It never waited: the badge was never in the "booting" state...
    expect(await page.evaluate(() => (window as unknown as { badgeStates: string[] }).badgeStates)).not.toContain("booting");
    // ...while the WebContainer's boot was tried behind it, and the badge says how it went.
    const badge = page.locator("[data-runtime-badge]");
    await expect(badge).toHaveText(/^Runtime: in-page worker\. WebContainer did not start within 4 s/, { timeout: 10_000 });
    expect(away.length).toBeGreaterThan(0);

    // The next page of the session does not pay for the boot again.
    away.length = 0;
    await page.goto(nextChapter!.url, { waitUntil: "domcontentloaded" });
    const second = cellById(page, nextChapter!.cells[0]!.id);
    await reveal(second);
    await second.getByRole("button", { name: /^Run(?! both)/ }).click();
    await waitForEnd(second, 20_000);
    await expect(second.locator("[data-panel=ts] [data-badge]")).toHaveText("in-page worker");
    await expect(badge).toHaveText(/earlier in this session/);
    expect(away).toEqual([]);
  });
}
