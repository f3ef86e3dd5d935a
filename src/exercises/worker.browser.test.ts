/**
 * Every exercise in the worker runtime, in Debian's Chromium: the runner's own worker bundle
 * and browser harness (src/runner/testing/harness.ts), the real library. As under Node
 * (./verify-node.test.ts): each solution passes its checks, each starter fails a named
 * check, each solution prints its expected output when run. Skipped without /usr/bin/chromium.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "@playwright/test";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutput } from "../notebook/index.ts";
import { bundleLibrary } from "../runner/build/index.ts";
import type { SnippetSource } from "../runner/compile/index.ts";
import type { HarnessOptions, HarnessRun } from "../runner/testing/index.ts";
import { chapterExercises } from "./testing/chapters.ts";
import { harnessSource } from "./testing/node-run.ts";
import { checkSource, runSource } from "./tree.ts";
import { verdictOf } from "../notebook/index.ts";

const CHROMIUM = "/usr/bin/chromium";
const TIMEOUT_MS = 10_000;
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

let server: Server | undefined;
let browser: Browser | undefined;
let page: Page;

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [here(entry)], bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent" });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  const [harness, worker, library] = await Promise.all([
    bundle("../runner/testing/harness.ts"),
    bundle("../runner/worker/entry.ts"),
    bundleLibrary(here("../..")),
  ]);
  const routes: Record<string, [string, string]> = {
    "/": ["text/html", '<!doctype html><meta charset="utf-8"><title>exercises</title><script type="module" src="/harness.js"></script>'],
    "/harness.js": ["text/javascript", harness],
    "/worker-entry.js": ["text/javascript", worker],
    "/runner/asyncio.js": ["text/javascript", library],
  };
  server = createServer((request, response) => {
    const route = routes[request.url ?? ""];
    response.writeHead(route ? 200 : 404, {
      "Content-Type": route?.[0] ?? "text/plain",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    response.end(route?.[1] ?? "not found");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage();
  page.on("pageerror", (error) => console.error("page error:", error));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await page.waitForFunction(() => "runner" in globalThis);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function run(source: SnippetSource): Promise<{ stdout: string; stderr: string; code: number | null; reason?: "stopped" | "timeout" | "output-limit" }> {
  const options: HarnessOptions = { files: [...source.files], timeoutMs: TIMEOUT_MS };
  const { events, result } = await page.evaluate(
    ([code, options]) => (globalThis as unknown as { runner: { run(c: string, o: HarnessOptions): Promise<HarnessRun> } }).runner.run(code, options),
    [source.code, options] as const,
  );
  const text = (type: string) => events.filter((e) => e.type === type).map((e) => (e as { text: string }).text).join("");
  return { stdout: text("stdout"), stderr: text("stderr"), code: result.code, ...(result.reason ? { reason: result.reason } : {}) };
}

const harness = await harnessSource();

describe.skipIf(!existsSync(CHROMIUM))("every exercise in the worker runtime", () => {
  for (const { name, exercise } of chapterExercises()) {
    it(`${name}: the solution passes, the starter fails a named check, Run prints the expected output`, { timeout: 3 * TIMEOUT_MS + 5000 }, async () => {
      const solved = await run(checkSource(exercise.check, exercise.solution, harness));
      const solvedVerdict = verdictOf({ ...solved, timeoutMs: TIMEOUT_MS });
      expect(solvedVerdict.passed, `${solvedVerdict.text}\n${solved.stdout}${solved.stderr}`).toBe(true);

      const starter = await run(checkSource(exercise.check, exercise.starter, harness));
      const starterVerdict = verdictOf({ ...starter, timeoutMs: TIMEOUT_MS });
      expect(starterVerdict.text, `${starter.stdout}${starter.stderr}`).toMatch(/^Not yet: check \d+, “[^”]+”, fails: /);

      const ran = await run(runSource(exercise.solution, harness));
      expect(checkOutput(exercise.expected, ran.stdout).matches, `${ran.stdout}--- stderr\n${ran.stderr}`).toBe(true);
      expect(ran.stderr).toBe("");
      expect(ran.code).toBe(0);
    });
  }
});
