import { describe, expect, it } from "vitest";
import { RUNTIME_STORAGE_KEY } from "../runner/select.ts";
import { RUNTIME_KEY } from "./runtime-choice.ts";

describe("runtime choice", () => {
  it("is stored under the runner's key, so the switch and the runner agree", () => {
    expect(RUNTIME_KEY).toBe(RUNTIME_STORAGE_KEY);
  });
});
