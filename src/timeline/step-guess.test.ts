import { describe, expect, it } from "vitest";
import { guessChoices, guessRight, SCHEDULED_NOW } from "./step-guess.ts";
import type { StepSnapshot } from "./step-snapshot.ts";

function pause(what: string, ready: string[] = [], timers: string[] = []): StepSnapshot {
  return {
    time: 0,
    loopKind: "VirtualTimeLoop",
    tick: 1,
    ran: 0,
    next: { what, line: null, lineNote: "" },
    ready,
    timers: timers.map((timer, i) => ({ when: i + 1, what: timer })),
    tasks: [],
  };
}

describe("guessing what runs next", () => {
  it("offers the ready queue, then the timers, each once, then what this step schedules", () => {
    expect(guessChoices(pause("main: step", ["a: step", "b: step", "a: step"], ["wake c (sleep)"]))).toEqual([
      "a: step",
      "b: step",
      "wake c (sleep)",
      SCHEDULED_NOW,
    ]);
    expect(guessChoices(pause("main: step"))).toEqual([SCHEDULED_NOW]);
  });

  it("is right when the next pause runs the guessed callback, a cancellation included", () => {
    const choices = guessChoices(pause("main: step", ["a: step", "b: step"]));
    expect(guessRight("a: step", choices, pause("a: step", ["b: step"]))).toBe(true);
    expect(guessRight("b: step", choices, pause("a: step", ["b: step"]))).toBe(false);
    expect(guessRight("a: step", choices, pause("a: step, and CancelledError is thrown into it"))).toBe(true);
  });

  it("counts 'something this step schedules' right only when the next is none of those shown", () => {
    const choices = guessChoices(pause("main: step", [], ["wake a (sleep)"]));
    expect(guessRight(SCHEDULED_NOW, choices, pause("b: step"))).toBe(true);
    expect(guessRight(SCHEDULED_NOW, choices, pause("wake a (sleep)"))).toBe(false);
  });

  it("is wrong when the program ended instead", () => {
    expect(guessRight("a: step", ["a: step", SCHEDULED_NOW], null)).toBe(false);
  });
});
