/**
 * On a host that sends no headers at all, the site's service worker adds COOP/COEP (and the
 * CSP): a chapter page reloads itself once and is then cross-origin isolated, and its cells
 * run. The site is served here by a bare static file server.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { expect, test } from "@playwright/test";
import { cellById, firstChapter, waitForEnd } from "./helpers.ts";

const DIST = join(import.meta.dirname, "..", "dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url!, "http://x").pathname));
    if (path.endsWith("/")) path += "index.html";
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("a chapter served without headers becomes cross-origin isolated through the service worker", async ({ page }) => {
  const chapter = firstChapter();
  const response = await page.goto(origin + chapter.url);
  expect(await response!.headerValue("cross-origin-embedder-policy")).toBeNull();
  await expect
    .poll(async () => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 20_000 })
    .toBe(true);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  const cell = cellById(page, chapter.cells[0]!.id);
  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  await waitForEnd(cell);
  await expect(cell).toHaveAttribute("data-result", "match");
});
