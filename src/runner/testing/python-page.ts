/**
 * A Chromium page on the Python runtime's test server (./python-server.ts), with the page's
 * Python worker ready (`globalThis.python`, ./python-harness.ts), for the browser tests of the
 * Python half. Where Debian's Chromium is missing, `open` resolves to undefined.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { startPythonServer, type PythonServer } from "./python-server.ts";

export const CHROMIUM = "/usr/bin/chromium";
/** The flags that work on these machines (no sandbox as root, no network beyond loopback). */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface PythonPage {
  page: Page;
  server: PythonServer;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Opens the page in a fresh profile (so the disk cache behaves as a reader's first visit does). */
export async function openPythonPage(name: string): Promise<PythonPage | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const profile = mkdtempSync(join(tmpdir(), `${name}-`));
  const server = await startPythonServer();
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => console.error("page error:", error));
  await page.goto(server.origin);
  await page.waitForFunction(() => "python" in globalThis);
  return {
    page,
    server,
    context,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
