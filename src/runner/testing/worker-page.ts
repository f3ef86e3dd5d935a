/**
 * A Chromium page driving the worker runtime (`globalThis.runner`, ./harness.ts), for the
 * browser tests of the TypeScript half: a tiny server gives the harness, the worker
 * (../worker/entry.ts) and the loop library as the site serves it (runner/asyncio.js), all
 * bundled by esbuild, cross-origin isolated as the site is (cells share memory with threads).
 * Where Debian's Chromium is missing, `openWorkerPage` resolves to undefined.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "@playwright/test";
import { build } from "esbuild";
import { bundleLibrary } from "../build/index.ts";
import type { HarnessOptions, HarnessRun } from "./harness.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "./python-page.ts";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [here(entry)], bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent" });
  return result.outputFiles[0]!.text;
}

export interface WorkerPage {
  page: Page;
  /** Runs `code` through the page's `runner` (a fresh worker run, as a cell's Run). */
  run(code: string, options?: HarnessOptions): Promise<HarnessRun>;
  close(): Promise<void>;
}

export async function openWorkerPage(title: string): Promise<WorkerPage | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const [harness, worker, library] = await Promise.all([bundle("./harness.ts"), bundle("../worker/entry.ts"), bundleLibrary(here("../../.."))]);
  const routes: Record<string, [string, string]> = {
    "/": ["text/html", `<!doctype html><meta charset="utf-8"><title>${title}</title><script type="module" src="/harness.js"></script>`],
    "/harness.js": ["text/javascript", harness],
    "/worker-entry.js": ["text/javascript", worker],
    "/runner/asyncio.js": ["text/javascript", library],
  };
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ""];
    response.writeHead(route ? 200 : 404, {
      "Content-Type": route?.[0] ?? "text/plain",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    response.end(route?.[1] ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.error("page error:", error));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await page.waitForFunction(() => "runner" in globalThis);
  return {
    page,
    run: (code, options = {}) =>
      page.evaluate(
        ([code, options]) => (globalThis as unknown as { runner: { run(c: string, o: HarnessOptions): Promise<HarnessRun> } }).runner.run(code, options),
        [code, options] as const,
      ),
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
