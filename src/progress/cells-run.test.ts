import { beforeEach, describe, expect, it, vi } from "vitest";
import { cellsText, countRun, PROGRESS_EVENT, RAN_KEY, recordRun } from "./cells-run.ts";
import { fakeStorage } from "./fake-storage.ts";

describe("cells run", () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    vi.stubGlobal("localStorage", fakeStorage());
  });

  it("counts cells run per chapter (either half), matched by the TypeScript's last run, and only ids the chapter has", () => {
    expect(countRun("/03-x/", ["a", "b", "c"])).toEqual({ ran: 0, matched: 0 });
    recordRun("/03-x/", "a", "ts", "match");
    recordRun("/03-x/", "b", "py", "match");
    recordRun("/03-x/", "gone", "ts", "match");
    recordRun("/01-y/", "c", "ts", "match");
    expect(countRun("/03-x/", ["a", "b", "c"])).toEqual({ ran: 2, matched: 1 });
    recordRun("/03-x/", "a", "ts", "differs");
    expect(countRun("/03-x/", ["a", "b", "c"])).toEqual({ ran: 2, matched: 0 });
    recordRun("/03-x/", "a", "py", "match");
    expect(countRun("/03-x/", ["a"])).toEqual({ ran: 1, matched: 0 });
  });

  it("survives storage that holds something else, or refuses to be used", () => {
    for (const junk of ["not json", "[1,2]", "null", '{"/03-x/": 5}', '{"/03-x/": {"a": "x"}}']) {
      localStorage.setItem(RAN_KEY, junk);
      expect(countRun("/03-x/", ["a"]), junk).toEqual({ ran: 0, matched: 0 });
      recordRun("/03-x/", "a", "ts", "match");
      expect(countRun("/03-x/", ["a"]), junk).toEqual({ ran: 1, matched: 1 });
    }
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    });
    expect(() => recordRun("/03-x/", "a", "ts", "match")).not.toThrow();
    expect(countRun("/03-x/", ["a"])).toEqual({ ran: 0, matched: 0 });
  });

  it("tells the page when progress changed", () => {
    const target = new EventTarget();
    vi.stubGlobal("document", target);
    let told = 0;
    target.addEventListener(PROGRESS_EVENT, () => told++);
    recordRun("/03-x/", "a", "ts", "match");
    expect(told).toBe(1);
  });

  it("words the count", () => {
    expect(cellsText(0, 0, 7)).toBe("7 cells, none run yet");
    expect(cellsText(3, 2, 7)).toBe("3 of 7 cells run, 2 matched");
    expect(cellsText(7, 7, 7)).toBe("All 7 cells run, 7 matched");
    expect(cellsText(0, 0, 1)).toBe("1 cell, none run yet");
  });
});
