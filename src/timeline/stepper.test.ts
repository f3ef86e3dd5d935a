import { describe, expect, it } from "vitest";
import * as asyncio from "../loop/index.ts";
import type { Coroutine } from "../loop/index.ts";
import { TimelineRecorder } from "./instrument.ts";
import { StepCommand } from "./step-control.ts";
import type { StepSnapshot } from "./step-snapshot.ts";
import { readerFrame, Stepper } from "./stepper.ts";

/** Runs `main` on the virtual-time loop, answering each pause with the next of `commands` (then Next). */
async function stepThrough(main: () => Coroutine<unknown>, commands: StepCommand[] = []) {
  const recorder = new TimelineRecorder(asyncio);
  const pauses: StepSnapshot[] = [];
  const printed: string[] = [];
  const stepper = new Stepper({
    recorder,
    pause: (snapshot) => {
      pauses.push(snapshot);
      return commands.shift() ?? StepCommand.Next;
    },
  });
  await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder, stepper] });
  return { pauses, printed };
}

function* nap(seconds: number): Coroutine<number> {
  yield* asyncio.sleep(seconds);
  return seconds;
}
function* main(): Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(function hello() {});
  yield* asyncio.gather(
    asyncio.createTask(nap(0.3), { name: "slow" }),
    asyncio.createTask(nap(0.2), { name: "mid" }),
    asyncio.createTask(nap(0.1), { name: "fast" }),
  );
}

describe("stepper", () => {
  it("pauses before every callback and task step, showing the ready queue, timers and tasks", async () => {
    const { pauses } = await stepThrough(main);
    expect(pauses[0]!.next.what).toMatch(/^Task-\d+: step$/);
    expect(pauses[0]!.tick).toBe(1);
    // main's first step has scheduled hello, slow and fast, in that order.
    const second = pauses[1]!;
    expect(second.next.what).toBe("hello()");
    expect(second.ready).toEqual(["slow: step", "mid: step", "fast: step"]);
    expect(second.tick).toBe(2);
    const [mainName] = second.tasks!.map((task) => task.name);
    // Each task with its id in the timeline's events, for the why-view.
    expect(second.tasks).toEqual([
      { name: mainName, state: "waiting on gather(slow, mid, fast)", id: 1 },
      { name: "slow", state: "pending", id: 2 },
      { name: "mid", state: "pending", id: 3 },
      { name: "fast", state: "pending", id: 4 },
    ]);
    // Before fast's first step, slow and mid sleep: their timers, by deadline.
    const beforeFast = pauses.find((pause) => pause.next.what === "fast: step")!;
    expect(beforeFast.timers).toEqual([
      { when: 0.2, what: "wake mid (sleep)" },
      { when: 0.3, what: "wake slow (sleep)" },
    ]);
    const wake = pauses.find((pause) => pause.next.what === "wake fast (sleep)")!;
    expect(wake.time).toBe(0.1);
    expect(wake.tasks!.find((task) => task.name === "slow")!.state).toBe("waiting on a timer (wakes at 0.300)");
    expect(pauses.at(-1)!.tasks!.every((task) => task.state.startsWith("done") || task.state === "running")).toBe(true);
  });

  it("To next timer skips to the next timer's callback; Next tick to the next iteration; Run to end stops pausing", async () => {
    const all = (await stepThrough(main)).pauses.length;
    const { pauses } = await stepThrough(main, [StepCommand.NextTimer, StepCommand.NextTick, StepCommand.RunToEnd]);
    expect(pauses.map((pause) => [pause.next.what, pause.time])).toEqual([
      [expect.stringMatching(/^Task-\d+: step$/), 0],
      ["wake fast (sleep)", 0.1],
      ["fast: step", 0.1],
    ]);
    expect(pauses[2]!.tick).toBe(pauses[1]!.tick + 1);
    expect(all).toBeGreaterThan(pauses.length);
  });

  it("finds the reader's own frame in a stack", () => {
    const stack = [
      "Error",
      "    at Stepper.here (http://x/assets/worker.js:1:2)",
      "    at SleepHandle.next (blob:http://x/lib:10:5)",
      "    at main (blob:http://x/snip:7:20)",
    ].join("\n");
    const paths: Record<string, string> = { "blob:http://x/lib": "node_modules/asyncio/index.js", "blob:http://x/snip": "snippet.js" };
    expect(readerFrame(stack, (url) => paths[url])).toEqual({ path: "snippet.ts", line: 7 });
    expect(readerFrame("Error\n    at f (http://x/a.js:1:1)", () => undefined)).toBeNull();
  });

  it("says where the next callback was scheduled, and where a task resumes", async () => {
    const recorder = new TimelineRecorder(asyncio);
    const pauses: StepSnapshot[] = [];
    let line = 0;
    const stepper = new Stepper({
      recorder,
      pause: (snapshot) => (pauses.push(snapshot), StepCommand.Next),
      // Stands in for the stack: the test says which line the program is on.
      locate: () => ({ path: "snippet.ts", line }),
    });
    function* main(): Coroutine<void> {
      line = 3;
      asyncio.getRunningLoop().callSoon(function hello() {});
      line = 4;
      yield* asyncio.sleep(0); // the taskWaiting hook reads the line here
    }
    line = 1;
    await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder, stepper] });
    expect(pauses[0]!.next).toMatchObject({ line: { line: 1 }, lineNote: "starts; created at line 1" });
    expect(pauses[1]!.next).toEqual({ what: "hello()", line: { path: "snippet.ts", line: 3 }, lineNote: "scheduled at line 3" });
    expect(pauses[2]!.next).toMatchObject({ line: { line: 4 }, lineNote: "resumes where it waits, line 4" });
  });

  it("steps a loop of the reader's own through its watcher hook: its ready array and timer heap, in order", () => {
    // The shape of chapter 6's TinyLoop: `ready`, a `timers` heap of {when, seq, callback}, a watcher.
    class OwnLoop {
      static watcher: ((loop: OwnLoop, callback: () => void) => void) | null = null;
      ready: Array<() => void> = [];
      timers: Array<{ when: number; seq: number; callback: () => void }> = [];
      now = 0;
      seq = 0;
      time(): number {
        return this.now;
      }
      callSoon(callback: () => void): void {
        this.ready.push(callback);
      }
      callLater(delay: number, callback: () => void): void {
        this.timers.push({ when: this.now + delay, seq: this.seq++, callback });
      }
      run(): void {
        while (this.ready.length > 0 || this.timers.length > 0) {
          if (this.ready.length === 0) this.now = Math.min(...this.timers.map((t) => t.when));
          this.timers.sort((a, b) => a.when - b.when || a.seq - b.seq);
          while (this.timers[0] && this.timers[0].when <= this.now) this.ready.push(this.timers.shift()!.callback);
          const n = this.ready.length;
          for (let i = 0; i < n; i++) {
            const callback = this.ready.shift()!;
            OwnLoop.watcher?.(this, callback);
            callback();
          }
        }
      }
    }
    const pauses: StepSnapshot[] = [];
    const commands = [StepCommand.Next, StepCommand.NextTimer];
    const stepper = new Stepper({
      recorder: new TimelineRecorder(asyncio),
      pause: (snapshot) => (pauses.push(snapshot), commands.shift() ?? StepCommand.RunToEnd),
    });
    OwnLoop.watcher = stepper.ownLoopCallback;
    const printed: string[] = [];
    const loop = new OwnLoop();
    loop.callLater(0.2, () => printed.push("late"));
    loop.callLater(0.1, () => printed.push("early"));
    loop.callSoon(() => printed.push("a"));
    loop.callSoon(() => printed.push("b"));
    loop.run();

    expect(printed).toEqual(["a", "b", "early", "late"]);
    expect(pauses).toHaveLength(3);
    expect(pauses[0]).toEqual({
      time: 0,
      loopKind: "OwnLoop",
      tick: 1,
      ran: 0,
      next: { what: '() => printed.push("a")', line: null, lineNote: "" },
      ready: ['() => printed.push("b")'],
      timers: [
        { when: 0.1, what: '() => printed.push("early")' },
        { when: 0.2, what: '() => printed.push("late")' },
      ],
      tasks: null,
    });
    expect(pauses[1]!.next.what).toBe('() => printed.push("b")');
    // To next timer: the next pause is where the clock has moved.
    expect(pauses[2]).toMatchObject({ time: 0.1, tick: 2, ran: 2, next: { what: '() => printed.push("early")' }, ready: [] });
  });
});
