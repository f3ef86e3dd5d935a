/**
 * The Python half's Timeline and Step through (./trace.ts), under Pyodide in Node through the
 * same session as the worker: the events CPython's own loop yields fold into the same lanes
 * and table rows as the TypeScript half's, and stepping pauses before each of CPython's
 * callbacks, in CPython's order, showing its ready queue, timers and tasks.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPyodideNode, type NodeOutcome } from "../testing/index.ts";
import { fold, rows } from "../../timeline/record.ts";

const dir = mkdtempSync(join(tmpdir(), "pyodide-trace-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TIMEOUT = 120_000; // one child loads Pyodide for all programs; slow on a loaded machine
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join("");

const WAITS = lines(
  "import asyncio",
  "",
  "async def worker(name, delay):",
  "    await asyncio.sleep(delay)",
  '    print(name, "done")',
  "    return name",
  "",
  "async def holder(lock, queue):",
  "    async with lock:",
  "        await queue.get()",
  "",
  "async def main():",
  "    lock, queue = asyncio.Lock(), asyncio.Queue()",
  '    first = asyncio.create_task(holder(lock, queue), name="holder")',
  "    second = asyncio.create_task(holder(lock, queue))",
  "    await asyncio.sleep(0.01)",
  "    queue.put_nowait(1)",
  "    queue.put_nowait(2)",
  '    print(await asyncio.gather(worker("x", 0.02), worker("y", 0.01)))',
  "    await asyncio.gather(first, second)",
  '    helper = asyncio.create_task(worker("z", 0.01), name="helper")',
  "    await helper",
  "",
  "asyncio.run(main())",
);

const ORDER = lines(
  "import asyncio",
  "",
  "async def main():",
  "    loop = asyncio.get_running_loop()",
  '    loop.call_later(0.002, print, "A later")',
  '    loop.call_soon(print, "B soon")',
  "    await asyncio.sleep(0.05)",
  '    print("main done")',
  "",
  "asyncio.run(main())",
);

const EAGER = lines(
  "import asyncio",
  "",
  "async def quick():",
  '    return "at once"',
  "",
  "async def slow():",
  "    await asyncio.sleep(0.01)",
  '    return "later"',
  "",
  "async def main():",
  "    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)",
  "    first = asyncio.create_task(quick())",
  "    second = asyncio.create_task(slow())",
  "    print(first.done(), second.done())",
  "    print(await first, await second)",
  "",
  "asyncio.run(main())",
);

/** Runs one program in a child of its own (recorded, stepped with Next at every pause, or plain). */
async function run(how: "--trace" | "--step" | "plain", name: string, source: string): Promise<NodeOutcome> {
  writeFileSync(join(dir, name), source);
  const [outcome] = await runPyodideNode([dir, ...(how === "plain" ? [] : [how]), name]);
  return outcome!;
}

describe("the Python Timeline", () => {
  it(
    "names lanes as Python names tasks and says what each waited on, from its _fut_waiter",
    async () => {
      const outcome = await run("--trace", "waits.py", WAITS);
      expect(outcome.code).toBe(0);
      const events = outcome.events!;
      expect(events[0]).toMatchObject({ k: "loop", kind: "WorkerEventLoop" });
      const timeline = fold(events);
      const table = rows(timeline);
      const names = table.map((row) => row.name);
      expect(names.slice(0, 6)).toEqual(["Task-1", "holder", "Task-2", "Task-3", "Task-4", "helper"]);
      const byName = new Map(timeline.lanes.map((lane) => [lane.name, lane]));
      const waits = (name: string) => byName.get(name)!.waits.map((wait) => `${wait.on}:${wait.what}`);
      expect(waits("Task-1")).toEqual(["timer:sleep(0.01)", "gather:gather(Task-3, Task-4)", "task:helper"]);
      expect(waits("holder")).toEqual(["queue:Queue 1"]);
      expect(waits("Task-2")).toEqual(["lock:Lock 1"]); // item 2 is in the queue by the time it holds the lock
      expect(byName.get("Task-1")!.waits[1]!.targets).toEqual([byName.get("Task-3")!.id, byName.get("Task-4")!.id]);
      // A sleep's deadline: set when sleep() was called, at most its delay after the wait began.
      const sleep = byName.get("Task-3")!.waits[0]!;
      expect(sleep.on).toBe("timer");
      expect(sleep.until! - sleep.from).toBeLessThanOrEqual(0.02);
      expect(sleep.until!).toBeGreaterThan(byName.get("Task-3")!.spawn);
      expect(table.find((row) => row.name === "Task-3")).toMatchObject({ outcome: "result", lastWait: "sleep(0.02)", steps: 2 });
      expect(table.find((row) => row.name === "helper")).toMatchObject({ outcome: "result", lastWait: "sleep(0.01)" });
      // Who printed each stdout line: y (Task-4) first, then x (Task-3), then main's list.
      expect(outcome.stdout).toBe("y done\nx done\n['x', 'y']\nz done\n");
      const printer = (line: number) => timeline.lanes.find((lane) => lane.id === timeline.prints[line]!.id)?.name;
      expect([0, 1, 2, 3].map(printer)).toEqual(["Task-4", "Task-3", "Task-1", "helper"]);
      // The loop closed, and the interpreter is as fresh as before (the tracer left nothing behind).
      expect(events.at(-1)).toMatchObject({ k: "close" });
      expect(outcome.reusable).toBe(true);
    },
    TIMEOUT,
  );
});

describe("the Python Timeline with an eager task factory", () => {
  it(
    "puts each task's first step, run inside create_task, on its own lane",
    async () => {
      const outcome = await run("--trace", "eager.py", EAGER);
      expect(outcome.stdout).toBe("True False\nat once later\n");
      const table = rows(fold(outcome.events!));
      // quick's one step ran eagerly and finished it; slow's eager step reached its sleep, and a
      // second step (after the timer) finished it.
      expect(table.find((row) => row.name === "Task-2")).toMatchObject({ outcome: "result", steps: 1 });
      expect(table.find((row) => row.name === "Task-3")).toMatchObject({ outcome: "result", lastWait: "sleep(0.01)", steps: 2 });
    },
    TIMEOUT,
  );
});

describe("Step through the Python half", () => {
  it(
    "pauses before each callback in CPython's order: call_soon before a due timer",
    async () => {
      const [stepped, plain] = [await run("--step", "order.py", ORDER), await run("plain", "order.py", ORDER)];
      expect(stepped.stdout).toBe(plain.stdout);
      expect(stepped.stdout).toBe("B soon\nA later\nmain done\n");
      const pauses = stepped.pauses!;
      expect(pauses[0]).toMatchObject({ loopKind: "VirtualTimeLoop", time: 0, next: { what: "Task-1: step", line: { path: expect.stringMatching(/order\.py$/), line: 10 } } });
      const soon = pauses.findIndex((pause) => pause.next.what === "print('B soon')");
      const later = pauses.findIndex((pause) => pause.next.what === "print('A later')");
      expect(soon).toBeGreaterThan(0);
      expect(later).toBeGreaterThan(soon);
      // Before B runs, the due-later timer waits in _scheduled, by deadline, with its callback.
      expect(pauses[soon]!.timers).toEqual([
        { when: 0.002, what: "print('A later')" },
        { when: 0.05, what: "wake Task-1 (sleep)" },
      ]);
      expect(pauses[soon]!.next).toMatchObject({ line: { line: 6 }, lineNote: "scheduled at line 6" });
      expect(pauses[soon]!.tasks).toEqual([{ name: "Task-1", id: 1, state: "waiting on a timer (wakes at 0.050)" }]);
      expect(pauses[later]!.time).toBe(0.002);
      // The main task resumes where it waits, at its sleep.
      const resume = pauses.find((pause) => pause.next.what === "Task-1: task_wakeup()")!;
      expect(resume.next).toMatchObject({ line: { line: 7 }, lineNote: "resumes where it waits, line 7" });
      expect(resume.time).toBe(0.05);
    },
    TIMEOUT,
  );
});
