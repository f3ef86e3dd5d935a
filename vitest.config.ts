import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // As many files at a time as the cores (Vitest's default is one fewer: one file at a time on
    // 2 cores). Most files wait on a child process, Chromium or Pyodide: two at a time took
    // 108-128 s instead of 185-222 s. Real-clock tests hold beside the other file: a Stop's grace
    // period is the browser harness's own, and timers are compared by order, not milliseconds.
    maxWorkers: availableParallelism(),
    // A test that makes no assertion fails: it could only pass.
    expect: { requireAssertions: true },
  },
});
