import { beforeEach, describe, expect, it, vi } from "vitest";
import { PROGRESS_EVENT } from "./cells-run.ts";
import { fakeStorage } from "./fake-storage.ts";
import { countPredictions, loadPrediction, PREDICTIONS_KEY, predictionsText, recordGuess, recordPrediction, saveOrder } from "./predictions.ts";

describe("predictions", () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    vi.stubGlobal("localStorage", fakeStorage());
  });

  it("keeps the order being put together, and the first and latest grades", () => {
    expect(loadPrediction("/03-x/", "a")).toEqual({});
    saveOrder("/03-x/", "a", ["2", "1"]);
    expect(loadPrediction("/03-x/", "a")).toEqual({ order: ["2", "1"] });
    recordPrediction("/03-x/", "a", "wrong");
    recordPrediction("/03-x/", "a", "right");
    expect(loadPrediction("/03-x/", "a")).toEqual({ order: ["2", "1"], first: "wrong", last: "right" });
  });

  it("counts a chapter's predictions by their first grade, only ids it has, and its step guesses", () => {
    recordPrediction("/03-x/", "a", "right");
    recordPrediction("/03-x/", "b", "wrong");
    recordPrediction("/03-x/", "b", "right");
    recordPrediction("/03-x/", "gone", "right");
    recordPrediction("/01-y/", "c", "right");
    saveOrder("/03-x/", "c", ["x"]);
    recordGuess("/03-x/", true);
    recordGuess("/03-x/", false);
    expect(countPredictions("/03-x/", ["a", "b", "c"])).toEqual({ predicted: 2, right: 1, guesses: { tried: 2, right: 1 } });
    expect(countPredictions("/05-z/", ["a"])).toEqual({ predicted: 0, right: 0, guesses: { tried: 0, right: 0 } });
  });

  it("survives storage that holds something else, or refuses to be used", () => {
    for (const junk of ["not json", "[1]", '{"/03-x/": 5}', '{"/03-x/": {"cells": {"a": {"first": "maybe", "order": [1]}}, "guesses": {"tried": -1}}}']) {
      localStorage.setItem(PREDICTIONS_KEY, junk);
      expect(countPredictions("/03-x/", ["a"]), junk).toEqual({ predicted: 0, right: 0, guesses: { tried: 0, right: 0 } });
      expect(loadPrediction("/03-x/", "a"), junk).toEqual({});
      recordPrediction("/03-x/", "a", "right");
      recordGuess("/03-x/", true);
      expect(countPredictions("/03-x/", ["a"]), junk).toEqual({ predicted: 1, right: 1, guesses: { tried: 1, right: 1 } });
    }
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    });
    expect(() => recordPrediction("/03-x/", "a", "right")).not.toThrow();
    expect(() => saveOrder("/03-x/", "a", ["1"])).not.toThrow();
    expect(countPredictions("/03-x/", ["a"]).predicted).toBe(0);
  });

  it("tells the page when a prediction was graded", () => {
    const target = new EventTarget();
    vi.stubGlobal("document", target);
    let told = 0;
    target.addEventListener(PROGRESS_EVENT, () => told++);
    recordPrediction("/03-x/", "a", "right");
    recordGuess("/03-x/", false);
    expect(told).toBe(2);
  });

  it("words the count", () => {
    expect(predictionsText(0, 0, 2)).toBe("2 predictions to make");
    expect(predictionsText(1, 0, 2)).toBe("1 of 2 predictions made, 0 right first time");
    expect(predictionsText(2, 2, 2, { tried: 3, right: 1 })).toBe("All 2 predictions made, 2 right first time; 1 of 3 step guesses right");
    expect(predictionsText(0, 0, 1, { tried: 1, right: 1 })).toBe("1 prediction to make; 1 of 1 step guess right");
  });
});
