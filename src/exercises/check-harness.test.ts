/** The check harness as the checks see it: virtual time, captured output, how tasks ended, the report lines. */
import * as asyncio from "asyncio";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NAMES, checks, expect as expectThat, expectClean, random, randomInt, sample, seconds, seed, trace } from "./check-harness.ts";
import { readReports, verdictOf } from "../notebook/index.ts";

afterEach(() => vi.restoreAllMocks());

describe("trace", () => {
  it("runs main on virtual time and captures what it prints, leaving console.log as it was", async () => {
    const log = console.log;
    const run = await trace(function* () {
      console.log("start", 1, { a: 2 });
      yield* asyncio.sleep(3600);
      console.log("two\nlines");
      return 42;
    }, { limit: 7200 });
    expect(run.lines).toEqual(['start 1 {"a":2}', "two", "lines"]);
    expect(run.printed).toEqual([
      { time: 0, text: 'start 1 {"a":2}', task: "main" },
      { time: 3600, text: "two", task: "main" },
      { time: 3600, text: "lines", task: "main" },
    ]);
    expect(run.time).toBe(3600);
    expect(run.result).toBe(42);
    expect(run.error).toBeUndefined();
    expect(run.timedOut).toBe(false);
    expect(console.log).toBe(log);
  });

  it("tells tasks cancelled while main ran from tasks main left running", async () => {
    const run = await trace(function* () {
      const cancelled = asyncio.createTask(asyncio.sleep(10), { name: "cancelled" });
      asyncio.createTask(asyncio.sleep(10), { name: "forgotten" });
      const done = asyncio.createTask(asyncio.sleep(1), { name: "done" });
      yield* asyncio.sleep(2);
      cancelled.cancel();
      yield* asyncio.sleep(0);
      yield* done;
    });
    expect(run.cancelled).toEqual(["cancelled"]);
    expect(run.leftRunning).toEqual(["forgotten"]);
    expect(run.tasks.find((task) => task.name === "done")).toMatchObject({ end: "finished", time: 1 });
  });

  it("records which task set each timer, and which task printed each line", async () => {
    const run = await trace(function* () {
      const child = asyncio.createTask(
        (function* () {
          yield* asyncio.sleep(0.5);
          console.log("child");
        })(),
        { name: "child" },
      );
      yield* asyncio.sleep(0.25);
      yield* child;
    });
    expect(run.timers).toEqual([
      { task: "main", delay: 0.25, at: 0 },
      { task: "child", delay: 0.5, at: 0 },
    ]);
    expect(run.printed).toEqual([{ time: 0.5, text: "child", task: "child" }]);
    expect(run.tasks).toMatchObject([{ name: "child", started: 0, time: 0.5, end: "finished" }]);
  });

  it("counts each task's steps", async () => {
    const run = await trace(function* () {
      const ticker = asyncio.createTask(
        (function* () {
          for (let i = 0; i < 4; i++) yield* asyncio.sleep(1);
        })(),
        { name: "ticker" },
      );
      yield* ticker;
    });
    expect(run.steps.get("ticker")).toBe(5); // the first step, then one per wake-up
  });

  it("records what main raises and what reaches the loop's exception handler", async () => {
    const run = await trace(function* () {
      asyncio.getRunningLoop().callSoon(() => {
        throw new asyncio.InvalidStateError("late");
      });
      yield* asyncio.sleep(0.5);
      throw new asyncio.RuntimeError("bad");
    });
    expect(run.error).toBeInstanceOf(asyncio.RuntimeError);
    expect(run.loopErrors).toHaveLength(1);
    expect(run.loopErrors[0]).toMatch(/InvalidStateError: late$/);
    expect(() => expectClean(run)).toThrow("main raised RuntimeError: bad");
  });

  it("cancels main at the limit, and gives up on tasks that shrug off cancellation instead of hanging", async () => {
    function* stubborn(): asyncio.Coroutine<void> {
      while (true) {
        try {
          yield* asyncio.sleep(1);
        } catch {
          // swallows everything, cancellation included
        }
      }
    }
    const run = await trace(stubborn, { limit: 5 });
    expect(run.timedOut).toBe(true);
    expect(() => expectClean(run)).toThrow(/still running/);
  });
});

describe("checks", () => {
  it("reports each check on its own line, and the verdict names the first that fails, with why", async () => {
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    await checks({
      "holds": () => expectThat(true, "never shown"),
      "takes 1 s": async () => expectThat(false, `main took ${seconds(0.1 + 0.2)} of loop time`),
      "throws": () => {
        throw new TypeError("x is not a function");
      },
    });
    const stdout = printed.join("\n") + "\n";
    expect(readReports(stdout).reports).toEqual([
      { name: "holds", ok: true },
      { name: "takes 1 s", ok: false, why: "main took 0.3 s of loop time" },
      { name: "throws", ok: false, why: "the check itself stopped on TypeError: x is not a function" },
    ]);
    expect(verdictOf({ stdout, stderr: "", code: 0, timeoutMs: 10_000 }).text).toBe(
      "Not yet: check 2, “takes 1 s”, fails: main took 0.3 s of loop time. 1 of 3 checks hold.",
    );
  });
});

describe("random inputs", () => {
  // Last in the file: once a check has drawn an input, every failing check names the seed.
  it("draw from the run's seed, and a failing check names the seed once inputs were drawn", async () => {
    const numbers = Array.from({ length: 200 }, () => randomInt(2, 4));
    expect(new Set(numbers)).toEqual(new Set([2, 3, 4]));
    expect(new Set(sample(NAMES, 5)).size).toBe(5);
    expect(random()).toBeLessThan(1);
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    await checks({ "fails": () => expectThat(false, "it did not") });
    expect(readReports(printed.join("\n")).reports[0]!.why).toBe(`it did not (inputs from seed ${seed})`);
  });
});
