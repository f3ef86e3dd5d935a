import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // Vitest's default is one worker fewer than the cores: one, on a 2-core machine. Most
    // long files wait on what they start (Node processes, Chromium, Pyodide), so two files at a
    // time keep both cores busy.
    maxWorkers: "100%",
    // A test that makes no assertion fails: it could only pass.
    expect: { requireAssertions: true },
  },
});
