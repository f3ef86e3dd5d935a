/**
 * The Python half of every cell, through the page as a reader uses it: each twin runs on its
 * tab's own Run button (Pyodide: CPython 3.14 in Chromium) and must print its recorded CPython
 * output (with the departures declared in src/runner/python/departures.ts); a twin that
 * cannot run in a browser says why and keeps CPython's output on show. Then what a reader's
 * broken Python gets, and Run both.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { classifyPython } from "../src/runner/python/index.ts";
import { PYTHON_LABEL } from "../src/runner/python/index.ts";
import { cellById, chapters, firstChapter, reveal } from "./helpers.ts";

/** Loading Pyodide takes seconds, many more on a loaded machine. */
const LOAD_MS = 120_000;
/** A Run button, not Run both. */
const RUN = /^Run(?! both)/;

const half = (cell: Locator): Locator => cell.locator("[data-panel=py]");
const pyStatus = (cell: Locator): Locator => half(cell).locator("[data-status]");
const pyLines = (cell: Locator, stream: "stdout" | "stderr"): Promise<string[]> =>
  half(cell).locator(`[role="log"] .line.${stream}`).allTextContents();

async function openPython(cell: Locator): Promise<void> {
  await reveal(cell);
  await cell.getByRole("tab", { name: "Python original" }).click();
  await expect(half(cell)).toBeVisible();
}

/** Presses the Python tab's Run and waits for the run to end; returns the status. */
async function runPython(cell: Locator, timeout = LOAD_MS): Promise<string> {
  await openPython(cell);
  await half(cell).getByRole("button", { name: RUN }).click();
  await expect(cell).toHaveAttribute("data-python-result", /.+/, { timeout });
  return (await pyStatus(cell).textContent()) ?? "";
}

/** Opens the Python editor and replaces its code. */
async function replacePython(page: Page, cell: Locator, code: string): Promise<void> {
  await openPython(cell);
  await half(cell).getByRole("button", { name: /^Edit/ }).click();
  const content = half(cell).locator(".cm-content");
  await expect(content).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await expect(content).toHaveText(code.split("\n").join(""));
}

for (const chapter of chapters()) {
  const twins = chapter.cells.filter((cell) => cell.python !== undefined);
  if (twins.length === 0) continue;
  test(`${chapter.id}: every Python twin runs in the page and prints CPython's output, or says why it cannot`, async ({ page }) => {
    test.setTimeout(LOAD_MS + twins.reduce((sum, cell) => sum + cell.timeoutMs + 5_000, 0));
    await page.goto(chapter.url);
    for (const twin of twins) {
      const cell = cellById(page, twin.id);
      const verdict = classifyPython(twin.python!);
      const status = await runPython(cell, LOAD_MS + twin.timeoutMs);
      if (!verdict.runnable) {
        await expect(cell, twin.id).toHaveAttribute("data-python-result", "unavailable");
        expect(status).toContain(`This program cannot run in your browser: ${verdict.reason}`);
        await expect(half(cell).locator("[data-cannot-run]")).toContainText(verdict.reason);
        continue;
      }
      const output = `--- stdout\n${(await pyLines(cell, "stdout")).join("\n")}\n--- stderr\n${(await pyLines(cell, "stderr")).join("\n")}`;
      expect.soft(status, `${twin.id}\n${output}`).toMatch(/^Matches the expected output\. Exited with code 0 in /);
      await expect(half(cell).getByText(`Live output, ${PYTHON_LABEL}`)).toBeVisible();
    }
  });
}

const chapter = firstChapter();
const runnable = chapter.cells.find((cell) => cell.python !== undefined && classifyPython(cell.python).runnable)!;

test("Python starts loading when the reader opens its tab, not before; Run shows the progress in bytes and stages", async ({ page }) => {
  test.setTimeout(LOAD_MS + 30_000);
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/pyodide/")) fetched.push(request.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = ((globalThis as unknown as { statuses: string[] }).statuses = []);
    new MutationObserver(() => {
      for (const status of document.querySelectorAll("[data-panel=py] [data-status]")) {
        const text = status.textContent ?? "";
        if (text && seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(chapter.url);
  const cell = cellById(page, runnable.id);
  // Reading and running the TypeScript half fetches no Python.
  await cell.locator("[data-panel=ts]").getByRole("button", { name: RUN }).click();
  await expect(cell).toHaveAttribute("data-result", "match", { timeout: 30_000 });
  expect(fetched).toEqual([]);

  // Opening the Python tab is interest enough: the download starts before any Run. Its
  // WebAssembly is held until Run is pressed, so the run meets the download under way.
  let pressed!: () => void;
  const runPressed = new Promise<void>((resolve) => (pressed = resolve));
  await page.route(/\/pyodide\/.*\.wasm$/, async (route) => {
    await runPressed;
    await route.continue();
  });
  const wasm = page.waitForRequest((request) => new URL(request.url()).pathname.endsWith(".wasm"));
  await openPython(cell);
  await wasm;
  await half(cell).getByRole("button", { name: RUN }).click();
  pressed();
  await expect(cell).toHaveAttribute("data-python-result", /.+/, { timeout: LOAD_MS });
  const status = (await pyStatus(cell).textContent()) ?? "";
  expect(status).toMatch(/^Matches the expected output/);
  const statuses = await page.evaluate(() => (globalThis as unknown as { statuses: string[] }).statuses);
  expect(statuses.some((text) => /^Downloading Python… [\d.]+ of [\d.]+ MB$/.test(text)), statuses.join("\n")).toBe(true);
  expect(statuses).toContain("Starting Python…");
  expect(statuses).toContain("Running…");
  expect(fetched.some((url) => url.endsWith(".wasm"))).toBe(true);
});

test("after one Python run, Python runs on another chapter offline: Pyodide comes from the service worker's cache", async ({ page, context }) => {
  test.setTimeout(2 * LOAD_MS);
  await page.goto(chapter.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  expect(await runPython(cellById(page, runnable.id))).toMatch(/^Matches the expected output/);
  const cached = await page.evaluate(async () => (await (await caches.open("pyodide")).keys()).map((request) => new URL(request.url).pathname));
  expect(cached.some((path) => path.endsWith(".wasm")), cached.join("\n")).toBe(true);

  const elsewhere = chapters().find((c) => c.id !== chapter.id && c.cells.some((cell) => cell.python && classifyPython(cell.python).runnable))!;
  const twin = elsewhere.cells.find((cell) => cell.python && classifyPython(cell.python).runnable)!;
  await context.setOffline(true);
  await page.goto(elsewhere.url);
  expect(await runPython(cellById(page, twin.id))).toMatch(/^Matches the expected output/);
});

test("the reader's edit from issue 15: call_soon's callback runs before a timer already due, as in CPython", async ({ page }) => {
  test.setTimeout(LOAD_MS + 30_000);
  const walkthrough = chapters().find((c) => c.id === "03-asyncio-walkthrough")!;
  const first = walkthrough.cells.find((cell) => cell.python !== undefined && classifyPython(cell.python).runnable)!;
  await page.goto(walkthrough.url);
  const cell = cellById(page, first.id);
  const edit = [
    "import asyncio",
    "async def main():",
    "    loop = asyncio.get_running_loop()",
    '    loop.call_later(0.002, print, "A later")',
    '    loop.call_soon(print, "B soon")',
    "    await asyncio.sleep(0.05)",
    "asyncio.run(main())",
  ].join("\n");
  await replacePython(page, cell, edit);
  await runPython(cell);
  expect(await pyLines(cell, "stdout")).toEqual(["B soon", "A later"]);
  expect(await pyLines(cell, "stderr")).toEqual([]);
});

test.describe("a reader's broken Python gets what broken TypeScript gets", () => {
  test.setTimeout(LOAD_MS + 30_000);
  test.beforeEach(async ({ page }) => {
    await page.goto(chapter.url);
  });

  test("a syntax error: CPython's message with line and column, and nothing runs", async ({ page }) => {
    const cell = cellById(page, runnable.id);
    await replacePython(page, cell, 'print("never")\nasync def main(:\n    pass\n');
    const status = await runPython(cell);
    expect(status).toBe("Syntax error: main.py:2:16: invalid syntax");
    await expect(cell).toHaveAttribute("data-python-result", "error");
    expect(await pyLines(cell, "stdout")).toEqual([]);
    expect(await pyLines(cell, "stderr")).toContain("SyntaxError: invalid syntax");
  });

  test("Stop ends `while True: pass` and Run comes back", async ({ page }) => {
    const cell = cellById(page, runnable.id);
    await replacePython(page, cell, 'print("spinning", flush=True)\nwhile True:\n    pass\n');
    await half(cell).getByRole("button", { name: RUN }).click();
    await expect(half(cell).locator('[role="log"] .line')).toHaveText(["spinning"], { timeout: LOAD_MS });
    await half(cell).getByRole("button", { name: /^Stop/ }).click();
    await expect(cell).toHaveAttribute("data-python-result", /.+/);
    await expect(pyStatus(cell)).toHaveText(/^Stopped after/);
    await expect(half(cell).getByRole("button", { name: RUN })).toBeEnabled();
  });

  test("a flood of output is capped and said so; output is text, never HTML", async ({ page }) => {
    const cell = cellById(page, runnable.id);
    await replacePython(page, cell, 'print("<img src=x onerror=alert(1)>")\ni = 0\nwhile True:\n    print(i)\n    i += 1\n');
    const status = await runPython(cell);
    expect(status).toMatch(/^Output truncated/);
    await expect(half(cell).locator('[role="log"] .notice').first()).toContainText(/truncated|not shown/i);
    await expect(half(cell).locator('[role="log"] .line.stdout').first()).toHaveText("<img src=x onerror=alert(1)>");
    await expect(half(cell).locator('[role="log"] img')).toHaveCount(0);
  });

  test("an edit that needs threads is not run: the cell says why", async ({ page }) => {
    const cell = cellById(page, runnable.id);
    await replacePython(page, cell, "import threading\nprint(threading.active_count())\n");
    const status = await runPython(cell);
    expect(status).toMatch(/^This program cannot run in your browser: it starts threads.*\(line 1: import threading\)/);
    await expect(cell).toHaveAttribute("data-python-result", "unavailable");
  });

  test("an edit survives a reload, runs with Ctrl+Enter, and Reset brings the original back", async ({ page }) => {
    const cell = cellById(page, runnable.id);
    await replacePython(page, cell, 'print("edited")');
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(cell).toHaveAttribute("data-python-result", "differs", { timeout: LOAD_MS });
    await expect(half(cell).locator('[role="log"] .line.departs')).toHaveText(["edited"]);

    await page.reload();
    const reloaded = cellById(page, runnable.id);
    await openPython(reloaded);
    await expect(half(reloaded).locator(".cm-content")).toHaveText('print("edited")');
    await expect(reloaded.locator("[data-panel=ts] [data-code]")).not.toHaveAttribute("hidden"); // the TypeScript is untouched
    await half(reloaded).getByRole("button", { name: /^Reset/ }).click();
    await expect(half(reloaded).locator("[data-code]")).toBeVisible();
    await expect(half(reloaded).locator("[data-code]")).toContainText(runnable.python!.split("\n")[0]!);
    await expect(half(reloaded).getByRole("button", { name: /^Reset/ })).toBeDisabled();
  });
});

test.describe("Run both", () => {
  const all = chapters().flatMap((c) => c.cells.map((cell) => ({ chapter: c, cell })));
  const withRule = all.find(({ cell }) => cell.pythonRecord?.rules.includes("bools") && classifyPython(cell.python!).runnable)!;
  const cannot = all.find(({ cell }) => cell.python !== undefined && !classifyPython(cell.python).runnable)!;

  test("shows the two outputs line by line, naming the rule that explains each difference", async ({ page }) => {
    test.setTimeout(LOAD_MS + 60_000);
    await page.goto(withRule.chapter.url);
    const cell = cellById(page, withRule.cell.id);
    await cell.getByRole("button", { name: /^Run both/ }).click();
    const table = cell.getByRole("table", { name: /^TypeScript beside Python/ });
    await expect(table).toBeVisible({ timeout: LOAD_MS });
    await expect(cell).toHaveAttribute("data-result", "match");
    await expect(cell).toHaveAttribute("data-python-result", "match");
    const normalised = table.locator('tr[data-kind="normalised"]');
    await expect(normalised.first()).toContainText("same after bools");
    await expect(normalised.first()).toContainText(/Python printed: .*(True|False)/);
    await expect(cell.locator("[data-both-status]")).toContainText("the same after the declared rules (bools");
    const rows = await table.locator("tbody tr").count();
    expect(rows).toBe(withRule.cell.expected.split("\n").length);
  });

  test("where the Python cannot run here, CPython's recorded output stands in, and says so", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(cannot.chapter.url);
    const cell = cellById(page, cannot.cell.id);
    await cell.getByRole("button", { name: /^Run both/ }).click();
    await expect(cell.getByRole("table", { name: /as CPython printed it: it cannot run in your browser/ })).toBeVisible({ timeout: 30_000 });
    await expect(cell).toHaveAttribute("data-python-result", "unavailable");
  });
});

