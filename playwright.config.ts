/**
 * Browser tests against the BUILT site (`astro build` first; `npm test` does it), served by
 * `astro preview`, which sends the COOP/COEP headers. Debian's Chromium, never a downloaded one.
 */
import { availableParallelism } from "node:os";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4341);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.test.ts",
  fullyParallel: true,
  // One more than the cores: most specs wait on a running cell, a worker or Pyodide, so three
  // on two cores ran the cells' specs in 0.82x the wall time. The cells that time themselves
  // on the real clock have margins that held with three workers beside a busy loop on a core.
  workers: availableParallelism() + 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // No trace: recording one snapshots the DOM at every action, and on these long pages that
    // took as long as the tests themselves (chapters 3-5's stepping specs ran in 0.55x the wall
    // time without it). A failure keeps its screenshot and error context; for a trace, run the
    // spec again with `--trace on`.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `npx astro preview --port ${port} --host localhost`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
