import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // Vitest's default: one worker fewer than the cores, so one file at a time on 2 cores. Two
    // at a time took 108-128 s instead of 222 s, but beside Chromium and Pyodide in the other
    // file, real-clock tests (a Stop's grace period, millisecond timer orders) failed now and then.
    // A test that makes no assertion fails: it could only pass.
    expect: { requireAssertions: true },
  },
});
