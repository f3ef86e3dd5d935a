import { beforeEach, describe, expect, it, vi } from "vitest";
import { countSolved, isSolved, markSolved, progressText, SOLVED_KEY } from "./progress.ts";
import { fakeStorage } from "../progress/fake-storage.ts";

describe("solved exercises", () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    vi.stubGlobal("localStorage", fakeStorage());
  });

  it("remembers solved exercises per chapter, and counts only ids the chapter still has", () => {
    expect(isSolved("/03-x/", "a")).toBe(false);
    markSolved("/03-x/", "a");
    markSolved("/03-x/", "a");
    markSolved("/01-y/", "b");
    expect(isSolved("/03-x/", "a")).toBe(true);
    expect(countSolved("/03-x/", ["a", "c"])).toBe(1);
    expect(countSolved("/03-x/", ["c"])).toBe(0);
    expect(Object.keys(JSON.parse(localStorage.getItem(SOLVED_KEY)!))).toEqual(["/03-x/#a", "/01-y/#b"]);
  });

  it("survives storage that is corrupt or unavailable", () => {
    localStorage.setItem(SOLVED_KEY, "not json");
    expect(countSolved("/03-x/", ["a"])).toBe(0);
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    });
    expect(() => markSolved("/03-x/", "a")).not.toThrow();
    expect(isSolved("/03-x/", "a")).toBe(false);
  });

  it("words the progress", () => {
    expect(progressText(0, 2)).toBe("2 exercises, none solved yet");
    expect(progressText(1, 2)).toBe("1 of 2 exercises solved");
    expect(progressText(1, 1)).toBe("All 1 exercise solved");
  });
});
