/**
 * DOMContentLoaded of a chapter page beside the home page's (the floor of an Astro page),
 * measured side by side in one run: fresh browser contexts, the two pages in alternation,
 * `domContentLoadedEventEnd` of the navigation entry. Target: chapter ≤ 1.5x home. Prints
 * figures, never fails on them. Needs a site build (`npm run build`) and /usr/bin/chromium.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = 4398;
const origin = `http://localhost:${port}`;
const pages = { home: "/", chapter: "/03-asyncio-walkthrough/" };
const rounds = 11;

const server = spawn("npx", ["astro", "preview", "--port", String(port), "--host", "localhost"], { cwd: root, stdio: "ignore", detached: true });
const stopServer = (): void => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};

async function serverUp(): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer on ${origin}`);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  await serverUp();
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const samples: Record<keyof typeof pages, number[]> = { home: [], chapter: [] };
  for (let round = 0; round < rounds; round++) {
    for (const name of (round % 2 ? ["chapter", "home"] : ["home", "chapter"]) as (keyof typeof pages)[]) {
      // No service worker: this measures the network path a first visit takes.
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(origin + pages[name], { waitUntil: "load" });
      const dcl = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
      if (round > 0) samples[name].push(dcl); // the first round warms the server
      await context.close();
    }
  }
  await browser.close();
  const [home, chapter] = [median(samples.home), median(samples.chapter)];
  const ratio = chapter / home;
  console.log(`DOMContentLoaded, fresh context, median of ${rounds - 1} alternating rounds`);
  console.log(`  home ${pages.home}: ${home.toFixed(1)} ms   chapter ${pages.chapter}: ${chapter.toFixed(1)} ms`);
  console.log(`  chapter / home: ${ratio.toFixed(2)}x; target ≤ 1.5x: ${ratio <= 1.5 ? "met" : "missed"}`);
} finally {
  stopServer();
}
