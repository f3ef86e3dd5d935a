/**
 * The package's `default` entry in a real browser (Debian's Chromium through
 * Playwright): the built package as esbuild bundles it for the browser (export
 * conditions, `sideEffects`), toThread() on Web Workers from a Blob URL, and streams
 * over the in-memory loopback. Needs `npm run build:loop`; skipped when
 * /usr/bin/chromium is missing.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";

let server: Server | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  if (!existsSync(fileURLToPath(new URL("../dist/web-entry.js", import.meta.url)))) {
    throw new Error("src/loop/dist/web-entry.js is missing: run `npm run build:loop` first");
  }
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("../testing/web-harness.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const routes: Record<string, [string, string]> = {
    "/": ["text/html", '<!doctype html><meta charset="utf-8"><title>asyncio</title><script type="module" src="/harness.js"></script>'],
    "/harness.js": ["text/javascript", bundle.outputFiles[0]!.text],
  };
  server = createServer((request, response) => {
    const route = routes[request.url ?? ""];
    response.writeHead(route ? 200 : 404, { "Content-Type": route?.[0] ?? "text/plain" });
    response.end(route?.[1] ?? "not found");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  page = await browser.newPage();
  page.on("pageerror", (error) => console.error("page error:", error));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => "runChecks" in globalThis);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe.skipIf(!existsSync(CHROMIUM))("the default entry in Chromium", () => {
  it("runs toThread() on Web Workers and streams over the in-memory loopback", async () => {
    const out = await page.evaluate(() => (globalThis as unknown as { runChecks(): Promise<Record<string, unknown>> }).runChecks());
    expect(out.sum).toBe(5);
    expect(out.error).toBe("QuotaError: over quota");
    expect(out.reference).toMatch(/^ReferenceError: outer is not defined \(.*pass outer as an argument/);
    expect(out.clone).toMatch(/^DataCloneError: the arguments of .* could not be sent to the worker thread/);
    expect(out.spun).toBe(250);
    expect(out.ticks).toBeGreaterThanOrEqual(4);
    expect(out.echo).toBe("\ncba");
    expect(out.refused).toMatch(/^ConnectionRefusedError: \[Errno 111\] Connect call failed \('127\.0\.0\.1', \d+\)$/);
  }, 30_000);
});
