import { describe, expect, test } from "vitest";
import { hasAssertion, testFiles } from "./check-assertions.ts";

describe("hasAssertion", () => {
  test.each([
    ["expect(x).toBe(1);", true],
    ["await expect(page.locator('a')).toBeVisible();", true],
    ["await expect.poll(() => n).toBe(2);", true],
    ["expect.soft(x).toEqual([]);", true],
    ["assert.equal(a, b);", true],
    ["assert(ok);", true],
  ])("counts %s", (source, counted) => {
    expect(hasAssertion(`test("t", async () => {\n  ${source}\n});`)).toBe(counted);
  });

  test.each([
    ["a test that only runs code", 'test("t", () => {\n  run();\n});'],
    ["an assertion in a line comment", 'test("t", () => {\n  run(); // expect(x).toBe(1)\n});'],
    ["an assertion in a block comment", 'test("t", () => {\n  /* expect(x).toBe(1); */\n  run();\n});'],
    ["a name that only contains the word", 'test("t", () => {\n  const expected = 1;\n  unexpect(expected);\n});'],
  ])("does not count %s", (_, source) => {
    expect(hasAssertion(source)).toBe(false);
  });
});

test("finds the test files of every folder, e2e and browser tests included", () => {
  const files = testFiles();
  expect(files).toContain("e2e/share.test.ts");
  expect(files).toContain("src/loop/futures.test.ts");
  expect(files).toContain("src/runner/worker/runtime.browser.test.ts");
  expect(files).toContain("scripts/check-assertions.test.ts");
});
