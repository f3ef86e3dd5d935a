/**
 * Phones in portrait (360, 414, 390 px wide), and desktop windows as narrow: no page scrolls
 * sideways (code blocks and wide tables scroll inside themselves), the cell and notebook
 * controls are large enough for a thumb. (axe runs on every page in e2e/a11y.test.ts, and on a
 * phone's width there for the longest chapter and the reference page.)
 */
import { expect, test, type Page } from "@playwright/test";
import { chapters } from "./helpers.ts";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // What sticks out past the right edge, for the failure message.
    culprits: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest("pre, .cm-editor"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
  }));
  expect(overflow.scrollWidth, `wider than ${overflow.innerWidth} px: ${overflow.culprits.join(", ")}`).toBeLessThanOrEqual(overflow.innerWidth);
}

const pages = ["/", "/reference/", "/no-such-page/", ...chapters().map((c) => c.url)];

for (const url of pages) {
  test(`${url} at 390 px: nothing scrolls sideways, controls fit a thumb`, async ({ page }) => {
    await page.goto(url);
    for (const width of [360, 414, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await expectNoSidewaysScroll(page);
    }
    // Every visible button, select and control link is at least 24 px each way (WCAG 2.2
    // target size), and the cell and notebook controls 44 px tall, for a thumb.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("button, select, [data-cell] summary")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ el, box }) => box.width < 24 || box.height < (el.closest("[data-controls], [data-notebook-bar]") ? 44 : 24))
        .map(({ el, box }) => `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 20)}" ${Math.round(box.width)}x${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
  });
}

// A phone (isMobile) widens its layout viewport to fit wide content, so the check above alone
// could pass a page that overflows; a narrow desktop window does not.
test.describe("a narrow desktop window", () => {
  test.use({ isMobile: false, hasTouch: false });
  for (const url of pages) {
    test(`${url} at 360-414 px without phone emulation: nothing scrolls sideways`, async ({ page }) => {
      await page.goto(url);
      for (const width of [360, 414, 390]) {
        await page.setViewportSize({ width, height: 844 });
        await expectNoSidewaysScroll(page);
      }
    });
  }
});
