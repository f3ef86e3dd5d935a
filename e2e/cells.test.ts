/**
 * Every cell of every chapter, run in the browser through its own Run button in the worker
 * runtime, must print what the chapter says it prints. (The Node-side check runs the same
 * cells under real Node: src/runner/verify-node.test.ts.)
 */
import { expect, test } from "@playwright/test";
import { outputProblems } from "../src/notebook/index.ts";
import { cellById, chapters, chooseRuntime, liveLines, runCell } from "./helpers.ts";

// One page for the whole chapter, as a reader has it: each cell runs in turn through its own
// Run button, and each is a step of its own in the report.
for (const chapter of chapters()) {
  test(`${chapter.id}: every cell is on the page, in order, and prints what the chapter says it prints`, async ({ page }) => {
    test.setTimeout(30_000 + chapter.cells.reduce((sum, cell) => sum + cell.timeoutMs + 15_000, 0));
    await page.goto(chapter.url);
    const ids = await page.locator("section[data-cell]").evaluateAll((cells) => cells.map((cell) => cell.id));
    expect(ids).toEqual(chapter.cells.map((cell) => cell.id));
    expect(ids.length, "cells on the page vs ```ts runnable fences in the MDX").toBe(chapter.runnableFences);
    await chooseRuntime(page, "worker");
    for (const cell of chapter.cells) {
      await test.step(cell.id, async () => {
        const section = cellById(page, cell.id);
        const expected = (await section.locator("[data-panel=ts] [data-expected]").textContent()) ?? "";
        expect.soft(expected, `${cell.id}: expected output on the page`).toBe(cell.expected);

        const status = await runCell(section, cell.timeoutMs + 15_000);

        const stdout = (await liveLines(section)).join("\n");
        const stderr = (await liveLines(section, "stderr")).join("\n");
        const details = `${cell.id}\nstatus: ${status}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
        expect.soft(outputProblems({ expected, expectedStderr: cell.expectedStderr }, { stdout, stderr }), details).toEqual([]);
        expect.soft(status, details).toMatch(/^Matches the expected output\. Exited with code 0/);
        await expect.soft(section, cell.id).toHaveAttribute("data-result", "match");
        await expect.soft(section.locator("[data-panel=ts] [data-badge]"), cell.id).toHaveText("in-page worker");
      });
    }
  });
}

test("Run all runs every cell of a chapter in order and reports how many matched", async ({ page }) => {
  const chapter = chapters()[0]!;
  test.setTimeout(60_000 + chapter.cells.length * 5_000);
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");
  await page.getByRole("button", { name: "Run all cells" }).click();
  const progress = page.locator("[data-progress-text]");
  await expect(progress).toHaveText(
    `Ran ${chapter.cells.length} cells: ${chapter.cells.length} matched the expected output.`,
    { timeout: 30_000 + chapter.cells.length * 5_000 },
  );
  for (const cell of chapter.cells) await expect(cellById(page, cell.id)).toHaveAttribute("data-result", "match");
});
