/** Exercises through the page: solve one, fail one, hints and the solution by keyboard, progress on the home page, axe. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { progressText } from "../src/exercises/progress.ts";
import downloadFakes, { python as pythonDownloadFakes } from "../src/exercises/testing/fakes/three-downloads.ts";
import { extractExercisesFromSource } from "../src/markdown/exercises.ts";
import { axeViolations, chooseRuntime, focusControl } from "./helpers.ts";

const CHAPTER = "03-asyncio-walkthrough";
const exercises = extractExercisesFromSource(readFileSync(join(import.meta.dirname, "..", "content", `${CHAPTER}.mdx`), "utf8"), CHAPTER);
const downloads = exercises.find((exercise) => exercise.id === "three-downloads")!;

async function open(page: Page): Promise<Locator> {
  await page.goto(`/${CHAPTER}/`);
  await chooseRuntime(page, "worker");
  return page.locator(`section[data-exercise]#${downloads.id}`);
}

async function check(exercise: Locator): Promise<string> {
  await exercise.getByRole("button", { name: /^Check/ }).click();
  await expect(exercise).toHaveAttribute("data-verdict", /.+/, { timeout: 30_000 });
  return (await exercise.getByRole("status").textContent()) ?? "";
}

test("the starter fails a named check, in words, and axe finds nothing wrong with the verdict shown", async ({ page }) => {
  const exercise = await open(page);
  const verdict = await check(exercise);
  expect(verdict).toMatch(/^Not yet: check 4, “the downloads wait at once, each in its own task”, fails: fetchAll\(\[.*\], [\d.]+\): 0 tasks began a [\d.]+ s sleep at 0 s, not \d; fetchAll itself slept \d times? \(inputs from seed \d+\)/);
  await expect(exercise.locator('[data-check-list] li[data-ok="false"]').first()).toContainText("the downloads wait at once, each in its own task: fails.");
  await expect(exercise.locator("[data-solved]")).toBeHidden();
  expect(await axeViolations(page, `#${downloads.id}`)).toEqual([]);
});

test("a wrong solution, dummy tasks that do none of the work, gets Not yet and the check it fails", async ({ page }) => {
  const fake = downloadFakes.find((candidate) => candidate.kind.startsWith("dummy tasks"))!;
  const exercise = await open(page);
  await exercise.getByRole("button", { name: /^Edit/ }).click();
  await expect(exercise.locator(".cm-content")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(fake.code);
  const verdict = await check(exercise);
  expect(verdict).toMatch(new RegExp(`^Not yet: check 4, “${fake.fails}”, fails: `));
  await expect(exercise.locator("[data-solved]")).toBeHidden();
});

test("solving through the page: edit, Check, Passed; remembered as progress on the home page", async ({ page }) => {
  await page.goto("/");
  const chapterItem = page.locator(`[data-chapter-progress][data-chapter-path="/${CHAPTER}/"]`);
  await expect(chapterItem.locator("[data-exercise-progress]")).toHaveText(progressText(0, exercises.length));

  const exercise = await open(page);
  await exercise.getByRole("button", { name: /^Edit/ }).click();
  const editor = exercise.locator(".cm-content");
  await expect(editor).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(downloads.solution);
  await expect(exercise.getByRole("button", { name: /^Reset/ })).toBeEnabled();
  const verdict = await check(exercise);
  expect(verdict).toBe("Passed: all 5 checks hold.");
  await expect(exercise.locator("[data-solved]")).toBeVisible();

  // A reload keeps the reader's code and the "Solved" mark.
  await page.reload();
  await expect(exercise.locator(".cm-content")).toHaveText(downloads.solution.split("\n").join(""));
  await expect(exercise.locator("[data-solved]")).toBeVisible();

  await page.goto("/");
  await expect(chapterItem.locator("[data-exercise-progress]")).toHaveText(progressText(1, exercises.length));
  await expect(chapterItem.locator("[data-exercise-meter]")).toHaveAttribute("value", "1");
});

test("by keyboard: Hint reveals one hint at a time, Show solution fills the editor, Ctrl+Enter checks it (not counted as solved), Reset restores", async ({ page }) => {
  const exercise = await open(page);
  const hint = exercise.getByRole("button", { name: /^Hint/ });
  await focusControl(hint);
  await page.keyboard.press("Enter");
  await expect(exercise.locator("[data-hint] summary").first()).toBeFocused();
  await expect(exercise.locator("[data-hint] summary").first()).toHaveText(`Hint 1 of ${downloads.hints}`);
  await expect(exercise.locator("[data-hint]:visible")).toHaveCount(1);

  await focusControl(exercise.getByRole("button", { name: /^Show solution/ }));
  await page.keyboard.press("Enter");
  const editor = exercise.locator(".cm-content");
  await expect(editor).toBeFocused();
  await expect(editor).toHaveText(downloads.solution.split("\n").join(""));
  await page.keyboard.press("Control+Enter");
  await expect(exercise).toHaveAttribute("data-verdict", "passed", { timeout: 30_000 });
  await expect(exercise.getByRole("status")).toHaveText(/^Passed.*That is the solution as shown, so it does not count as solved/);
  await expect(exercise.locator("[data-solved]")).toBeHidden();

  await focusControl(exercise.getByRole("button", { name: /^Reset/ }));
  await page.keyboard.press("Enter");
  await expect(exercise.locator(".cm-editor")).toHaveCount(0);
  await expect(exercise.getByRole("button", { name: /^Edit/ })).toBeFocused();
});

test("code that does not parse gets a verdict naming the line, not a crash", async ({ page }) => {
  const exercise = await open(page);
  await exercise.getByRole("button", { name: /^Edit/ }).click();
  await expect(exercise.locator(".cm-content")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText("export function* main( {\n}");
  expect(await check(exercise)).toMatch(/^Not yet: your code does not parse: exercise\.ts:\d+:\d+: Unexpected token/);
});

test("Run runs the reader's main on the real clock and shows what it prints", async ({ page }) => {
  const exercise = await open(page);
  await exercise.getByRole("button", { name: /^Run/ }).click();
  await expect(exercise.getByRole("status")).toHaveText(/^Exited with code 0/, { timeout: 30_000 });
  await expect(exercise.locator('[role="log"] .line')).toHaveText(["a: start", "a: done", "b: start", "b: done", "c: start", "c: done", "got a.txt, b.txt, c.txt"]);
});

/** Opens the exercise's Python tab and puts `code` in its editor. */
async function editPython(page: Page, exercise: Locator, code: string): Promise<void> {
  await exercise.getByRole("tab", { name: "Python" }).click();
  await exercise.getByRole("button", { name: /^Edit/ }).click();
  const editor = exercise.locator("[data-panel=py] .cm-content");
  await expect(editor).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

test.describe("in Python", () => {
  // The first Python Check loads Pyodide.
  test.setTimeout(180_000);

  test("solving in Python: the same named checks on CPython's loop, Passed, and it counts as solved", async ({ page }) => {
    const exercise = await open(page);
    await editPython(page, exercise, downloads.python.solution);
    await exercise.getByRole("button", { name: /^Check/ }).click();
    await expect(exercise).toHaveAttribute("data-verdict", /.+/, { timeout: 150_000 });
    await expect(exercise.getByRole("status")).toHaveText("Passed: all 5 checks hold.");
    await expect(exercise.locator('[data-check-list] li[data-ok="true"]')).toHaveText([
      "fetchAll finishes without an error: holds",
      "it returns the files, in the order of the names: holds",
      "each download says when it starts and when it is done: holds",
      "the downloads wait at once, each in its own task: holds",
      "it takes one download's time, not one per file: holds",
    ]);
    await expect(exercise.locator("[data-solved]")).toBeVisible();
    expect(await axeViolations(page, `#${downloads.id}`)).toEqual([]);
    // The TypeScript half was never touched: its code is still the starter.
    await exercise.getByRole("tab", { name: "TypeScript" }).click();
    await expect(exercise.locator("[data-panel=ts] [data-code]")).toBeVisible();
  });

  test("a Python wrong solution, dummy tasks that do none of the work, gets Not yet and the check it fails", async ({ page }) => {
    const fake = pythonDownloadFakes.find((candidate) => candidate.kind.startsWith("dummy tasks"))!;
    const exercise = await open(page);
    await editPython(page, exercise, fake.code);
    await exercise.getByRole("button", { name: /^Check/ }).click();
    await expect(exercise).toHaveAttribute("data-verdict", "not-yet", { timeout: 150_000 });
    await expect(exercise.getByRole("status")).toHaveText(
      new RegExp(`^Not yet: check 4, “${fake.fails}”, fails: fetch_all\\(\\[.*\\], [\\d.]+\\): 0 tasks began a [\\d.]+ s sleep at 0 s, not \\d; fetch_all itself slept 1 time \\(inputs from seed \\d+\\)`),
    );
    await expect(exercise.locator("[data-solved]")).toBeHidden();
  });
});

test("Run in the Python tab runs the reader's Python, asyncio.run(main()) and all, and shows what it prints", async ({ page }) => {
  test.setTimeout(180_000);
  const exercise = await open(page);
  await exercise.getByRole("tab", { name: "Python" }).click();
  await exercise.getByRole("button", { name: /^Run/ }).click();
  await expect(exercise.getByRole("status")).toHaveText(/^Exited with code 0/, { timeout: 150_000 });
  await expect(exercise.locator('[role="log"] .line')).toHaveText(["a: start", "a: done", "b: start", "b: done", "c: start", "c: done", "got a.txt, b.txt, c.txt"]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an exercise still reads: task, starter, Python, hints and solutions behind disclosures, no controls", async ({ page }) => {
    await page.goto(`/${CHAPTER}/`);
    const exercise = page.locator(`section[data-exercise]#${downloads.id}`);
    await expect(exercise.getByRole("heading", { name: `Exercise: ${downloads.title}` })).toBeVisible();
    await expect(exercise.locator("[data-panel=ts] [data-code] pre.astro-code")).toBeVisible();
    await expect(exercise.locator("[data-panel=py] pre").first()).toBeVisible();
    await expect(exercise.locator("[data-hint] summary")).toHaveCount(downloads.hints);
    await expect(exercise.locator("[data-static-solution] summary")).toBeVisible();
    await expect(exercise.getByRole("button", { name: /^Check/ })).toBeHidden();
  });
});
