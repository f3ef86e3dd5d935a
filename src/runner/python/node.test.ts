/**
 * Pyodide's CPython under Node 24, through the same session and driver as the browser worker
 * (./session.ts), on CPython's own event loop (./loop.ts) and without JS Promise
 * Integration (the child deletes it before Pyodide loads): asyncio programs print what CPython
 * 3.11 prints for them (recorded here from /usr/bin/python3; the test itself needs no Python).
 *
 * The programs run in one child process (../testing/pyodide-node.ts), one interpreter loaded
 * once: loading is most of the cost.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPyodideNode, type NodeOutcome } from "../testing/index.ts";

const dir = mkdtempSync(join(tmpdir(), "pyodide-node-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A program that prints this is stopped there, as the page's Stop button does. */
const STOP_HERE = "(stop here)";

/** Every program written so far, run in one child process on first need. */
const programs = new Map<string, string>();
let outcomes: Promise<Map<string, NodeOutcome>> | undefined;

function runAll(): Promise<Map<string, NodeOutcome>> {
  const names = [...programs.keys()];
  for (const [name, source] of programs) writeFileSync(join(dir, name), source);
  return runPyodideNode([dir, `--stop-on=${STOP_HERE}`, ...names]).then((results) => new Map(names.map((name, i) => [name, results[i]!])));
}

/** Declares a program; the first call to the returned function runs every declared program. */
function program(name: string, source: string): () => Promise<NodeOutcome> {
  programs.set(name, source);
  return async () => {
    outcomes ??= runAll();
    return (await outcomes).get(name)!;
  };
}

const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join("");
const TIMEOUT = 120_000; // one child loads Pyodide for all programs; slow on a loaded machine

const tour = program("tour.py",
  lines(
    "import asyncio",
    "",
    "async def worker(name, delay, log):",
    '    log.append(f"{name} starts")',
    "    await asyncio.sleep(delay)",
    '    log.append(f"{name} done")',
    "    return name.upper()",
    "",
    "async def forever(log):",
    "    try:",
    "        await asyncio.sleep(3600)",
    "    except asyncio.CancelledError:",
    '        log.append("forever: cancelled")',
    "        raise",
    "",
    "async def main():",
    "    log = []",
    '    results = await asyncio.gather(worker("a", 0.03, log), worker("b", 0.01, log), worker("c", 0.02, log))',
    '    print("gather:", ", ".join(results))',
    '    print("order:", "; ".join(log))',
    '    task = asyncio.create_task(worker("t", 0, []))',
    '    print("task done before await:", task.done())',
    '    print("task result:", await task)',
    "    try:",
    "        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)",
    "    except TimeoutError:",
    '        print("wait_for: timed out")',
    "    log = []",
    "    victim = asyncio.create_task(forever(log))",
    "    await asyncio.sleep(0)",
    "    victim.cancel()",
    "    try:",
    "        await victim",
    "    except asyncio.CancelledError:",
    '        print("cancel:", log[0], "| cancelled() =", victim.cancelled())',
    '    inner = asyncio.create_task(worker("inner", 0.02, []))',
    "    try:",
    "        await asyncio.wait_for(asyncio.shield(inner), timeout=0.005)",
    "    except TimeoutError:",
    '        print("shield: outer timed out, inner still running:", not inner.done())',
    '    print("shield: inner returned", await inner)',
    "    async def boom():",
    "        await asyncio.sleep(0.001)",
    '        raise ValueError("boom")',
    "    try:",
    "        async with asyncio.TaskGroup() as group:",
    '            group.create_task(worker("g", 0.01, []))',
    "            group.create_task(boom())",
    "    except* ValueError as group_error:",
    '        print("taskgroup:", [str(e) for e in group_error.exceptions])',
    "    loop = asyncio.get_running_loop()",
    "    start = loop.time()",
    "    await asyncio.sleep(0.1)",
    '    print("slept at least 0.1 s:", loop.time() - start >= 0.099)',
    "",
    "asyncio.run(main())",
    'print("after run")',
  ),
);

const closing = program("closing.py",
  lines(
    "import asyncio",
    "async def heartbeat():",
    "    try:",
    "        while True:",
    "            await asyncio.sleep(0.01)",
    "    except asyncio.CancelledError:",
    '        print("heartbeat: cancelled, cleaning up")',
    "        raise",
    "async def main():",
    "    asyncio.create_task(heartbeat())",
    "    await asyncio.sleep(0.025)",
    '    print("main: done")',
    "asyncio.run(main())",
    'print("loop closed")',
    "asyncio.run(main())",
    'print("second run: loop closed")',
  ),
);

const blocking = program("blocking.py",
  lines(
    "import asyncio, time",
    "async def ticker():",
    "    for i in range(3):",
    '        print("tick", i)',
    "        await asyncio.sleep(0.01)",
    "async def main():",
    "    task = asyncio.create_task(ticker())",
    "    await asyncio.sleep(0)",
    "    time.sleep(0.1)",
    '    print("blocking call returned")',
    "    await task",
    "asyncio.run(main())",
  ),
);

const fail = program("fail.py", lines("import asyncio", "async def main():", "    await asyncio.sleep(0)", '    raise KeyError("missing")', 'print("before")', "asyncio.run(main())"));

const bad = program("bad.py", lines("import asyncio", "", "async def main():", "    await asyncio.sleep(0", 'print("never")'));

const exit3 = program("exit3.py", lines("import sys", 'print("bye")', "sys.exit(3)"));

const forever = program(
  "forever.py",
  lines(
    "import asyncio",
    "loop = asyncio.new_event_loop()",
    "loop.call_later(0.02, print, 'timer')",
    "loop.call_soon(print, 'soon')",
    "loop.call_later(0.05, loop.stop)",
    "loop.run_forever()",
    "print('stopped')",
    "loop.close()",
  ),
);

const file = (name: string): string => readFileSync(new URL(`../testing/python/${name}`, import.meta.url), "utf8");

// The reader's edit from issue 15: CPython runs what is ready before a timer that fell due.
const reader = program("reader.py", file("reader.py"));
const identity = program("identity.py", file("identity.py"));
const cleanup = program("cleanup.py", file("cleanup.py"));
const virtual = program("virtual.py", file("virtual.py"));
const spin = program("spin.py", lines("import asyncio", "async def main():", `    print(${JSON.stringify(STOP_HERE)})`, "    while True:", "        pass", "asyncio.run(main())"));
const sleeper = program("sleeper.py", lines("import asyncio", "async def main():", `    print(${JSON.stringify(STOP_HERE)})`, "    await asyncio.sleep(3600)", "asyncio.run(main())"));
const afterStop = program("after-stop.py", lines("import asyncio", "asyncio.run(asyncio.sleep(0))", "print('ran after a stop')"));
const crowd = program("crowd.py", file("crowd.py"));

// Last: it leaves the interpreter unfit.
const patch = program("patch.py", lines("import asyncio, difflib", "asyncio.sleep = None", "difflib.patched = True", "print('patched')"));

const fresh = program("fresh.py", lines("import difflib", "print(hasattr(difflib, 'patched'))"));

describe("Pyodide's asyncio under Node, on CPython's own loop, without JSPI", () => {
  it("runs on Node 24 or later (Pyodide 314 needs it)", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });

  it("runs tasks, gather, sleep, wait_for, cancellation, shield and TaskGroup like CPython", { timeout: TIMEOUT }, async () => {
    const { stdout, stderr, code } = await tour();
    expect(stderr).toBe("");
    expect(stdout).toBe(
      lines(
        "gather: A, B, C",
        "order: a starts; b starts; c starts; b done; c done; a done",
        "task done before await: False",
        "task result: T",
        "wait_for: timed out",
        "cancel: forever: cancelled | cancelled() = True",
        "shield: outer timed out, inner still running: True",
        "shield: inner returned INNER",
        "taskgroup: ['boom']",
        "slept at least 0.1 s: True",
        "after run",
      ),
    );
    expect(code).toBe(0);
  });

  it("asyncio.run cancels the tasks left over and can run again (CPython's run, not Pyodide's)", { timeout: TIMEOUT }, async () => {
    const { stdout, code } = await closing();
    expect(stdout).toBe(lines("main: done", "heartbeat: cancelled, cleaning up", "loop closed", "main: done", "heartbeat: cancelled, cleaning up", "second run: loop closed"));
    expect(code).toBe(0);
  });

  it("time.sleep inside a coroutine blocks the loop, as in CPython (Pyodide's own would let tasks run)", { timeout: TIMEOUT }, async () => {
    const { stdout, code } = await blocking();
    expect(stdout).toBe(lines("tick 0", "blocking call returned", "tick 1", "tick 2"));
    expect(code).toBe(0);
  });

  it("prints an uncaught exception's traceback from the program's own frames, and exits 1", { timeout: TIMEOUT }, async () => {
    const { stdout, stderr, code } = await fail();
    expect(stdout).toBe("before\n");
    expect(stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "fail\.py", line 6, in <module>\n/);
    expect(stderr).toContain('  File "fail.py", line 4, in main\n');
    expect(stderr.endsWith("KeyError: 'missing'\n")).toBe(true);
    expect(stderr).not.toMatch(/runpy/);
    expect(code).toBe(1);
  });

  it("reports a syntax error like CPython, with its line and column", { timeout: TIMEOUT }, async () => {
    const { stdout, stderr, code, syntaxError } = await bad();
    expect(stdout).toBe("");
    expect(stderr).toBe(lines('  File "bad.py", line 4', "    await asyncio.sleep(0", "                       ^", "SyntaxError: '(' was never closed"));
    expect(syntaxError).toEqual({ message: "bad.py:4:24: '(' was never closed", path: "bad.py", line: 4, column: 24 });
    expect(code).toBe(1);
  });

  it("exits with sys.exit's code", { timeout: TIMEOUT }, async () => {
    const { stdout, code } = await exit3();
    expect(stdout).toBe("bye\n");
    expect(code).toBe(3);
  });

  it("runs loop.run_forever() until loop.stop(), as CPython does", { timeout: TIMEOUT }, async () => {
    const { stdout, code } = await forever();
    expect(stdout).toBe(lines("soon", "timer", "stopped"));
    expect(code).toBe(0);
  });

  it("runs call_soon's callback before a call_later timer that is already due, as CPython does", { timeout: TIMEOUT }, async () => {
    expect(await reader()).toMatchObject({ stdout: lines("B soon", "A later"), stderr: "", code: 0 });
  });

  it("gives asyncio.run, new_event_loop() and Runner() CPython's BaseEventLoop, with TimerHandles, closed after use", { timeout: TIMEOUT }, async () => {
    const { stdout, stderr, code } = await identity();
    expect(stderr).toBe("");
    expect(stdout).toBe(
      lines(
        "a BaseEventLoop: True",
        "call_later returned a TimerHandle: TimerHandle",
        "closed after asyncio.run: True",
        "new_event_loop() is a BaseEventLoop: True and a new one: True",
        "its run_until_complete: slept",
        "a BaseEventLoop: True",
        "call_later returned a TimerHandle: TimerHandle",
        "Runner() makes the same kind of loop: True",
        "Runner closed it: True",
      ),
    );
    expect(code).toBe(0);
  });

  it("asyncio.run cancels leftover tasks, then closes async generators, as CPython's does", { timeout: TIMEOUT }, async () => {
    const { stdout, code } = await cleanup();
    expect(stdout).toBe(lines("first tick: 0", "leftover task: cancelled", "async generator: closed", "after asyncio.run"));
    expect(code).toBe(0);
  });

  it("runs an hour on notebook_loop.VirtualTimeLoop at once, timers exactly on time, in CPython's order", { timeout: TIMEOUT }, async () => {
    const { stdout, stderr, code } = await virtual();
    expect(stderr).toBe("");
    expect(stdout).toBe(lines("soon at 0.0", "timer at 1800.0", "woke at 3600.0", "a BaseEventLoop: True", "advance(5): 3605.0"));
    expect(code).toBe(0);
  });

  it("prints what CPython prints for 10,000 tasks sleeping 0.1 s at once", { timeout: TIMEOUT }, async () => {
    const { stdout, code } = await crowd();
    expect(stdout).toBe(lines("clients served: 10000, waiting at the same moment: 10000", "slept at least 0.1 s: True"));
    expect(code).toBe(0);
  });

  it("Stop (the interrupt buffer) ends a loop that never awaits, and one asleep for an hour; the interpreter lives on", { timeout: TIMEOUT }, async () => {
    for (const stopped of [await spin(), await sleeper()]) {
      expect(stopped.stdout).toBe(lines(STOP_HERE));
      expect(stopped.stderr.endsWith("KeyboardInterrupt\n")).toBe(true);
      expect(stopped).toMatchObject({ code: 1, reusable: true, changes: [] });
    }
    expect(await afterStop()).toMatchObject({ stdout: "ran after a stop\n", stderr: "", code: 0, reusable: true });
  });

  it("says an interpreter is fresh after a program, and unfit once a program patched a module", { timeout: TIMEOUT }, async () => {
    expect(await tour()).toMatchObject({ reusable: true, changes: [] });
    expect(await patch()).toMatchObject({ stdout: "patched\n", reusable: false, changes: ["asyncio.sleep"] });
    // difflib was imported by the program, so it was unloaded: the next program imports a fresh
    // one. asyncio.sleep is still rebound (the page would have started a new interpreter).
    expect(await fresh()).toMatchObject({ stdout: "False\n", reusable: false, changes: ["asyncio.sleep"] });
  });
});
