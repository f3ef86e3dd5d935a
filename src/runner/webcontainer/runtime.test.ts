import { describe, expect, it } from "vitest";
import { OUTPUT_LIMITS } from "../core/index.ts";
import type { RunEvent } from "../core/index.ts";
import { FakeWebContainer } from "../testing/index.ts";
import { transpile } from "../compile/index.ts";
import { WebContainerRuntime, cleanTerminalText, toFileSystemTree } from "./runtime.ts";
import { WebContainerBoot } from "./boot.ts";

const library = {
  "node_modules/asyncio/package.json": "{}",
  "node_modules/asyncio/dist/index.js": "export {};\n",
};
const snippetTs = 'console.log("hi");\nthrow new Error("boom");\n';
const files = { "package.json": '{ "type": "module" }\n', "snippet.js": transpile(snippetTs, "snippet.ts") };

function setup(limits?: { lines: number; chars: number }) {
  const container = new FakeWebContainer();
  const boot = new WebContainerBoot({ boot: async () => container, isolated: () => true });
  const runtime = new WebContainerRuntime({ boot, library: async () => library, ...(limits ? { limits } : {}) });
  const events: RunEvent[] = [];
  const controller = new AbortController();
  const run = runtime.run({ files, entry: "snippet.js", timeoutMs: 10_000, signal: controller.signal }, (e) => events.push(e));
  return { container, runtime, events, controller, run };
}

const text = (events: RunEvent[]) => events.filter((e) => e.type === "stdout").map((e) => e.text).join("");

describe("toFileSystemTree", () => {
  it("nests paths as WebContainer directories", () => {
    expect(toFileSystemTree({ "a.js": "A", "node_modules/x/p.json": "P" })).toEqual({
      "a.js": { file: { contents: "A" } },
      node_modules: { directory: { x: { directory: { "p.json": { file: { contents: "P" } } } } } },
    });
  });
});

describe("cleanTerminalText", () => {
  it("turns terminal output into plain text", () => {
    expect(cleanTerminalText("\u001b[32mok\u001b[39m\r\nnext\r\n\u001b]0;title\u0007done")).toBe("ok\nnext\ndone");
  });
});

describe("WebContainerRuntime", () => {
  it("boots, mounts the whole tree in a fresh directory, and spawns node there without colour", async () => {
    const { container, events, run } = setup();
    const process = await container.nextProcess();
    expect(events.filter((e) => e.type === "status").map((e) => e.text)).toEqual([
      "Booting WebContainer…",
      "Mounting files…",
      "Starting node…",
    ]);
    const [dir, tree] = [...container.mounts][0]!;
    expect(dir).toBe("runs/1");
    expect(Object.keys(tree).sort()).toEqual(["node_modules", "package.json", "snippet.js"]);
    expect(process.command).toBe("node");
    expect(process.args).toEqual(["snippet.js"]);
    expect(process.options).toMatchObject({ cwd: "runs/1", env: { NO_COLOR: "1" } });
    process.end(0);
    expect(await run).toMatchObject({ code: 0 });
    expect(container.removed).toEqual(["runs/1"]);
  });

  it("streams output line by line, as stdout, with stack traces in snippet.ts terms", async () => {
    const { container, events, run } = setup();
    const process = await container.nextProcess();
    process.write("hi\r\nError: bo");
    await new Promise((r) => setTimeout(r, 0));
    expect(text(events)).toBe("hi\n"); // the partial line waits for the rest
    process.write("om\r\n    at file:///home/notebook/runs/1/snippet.js:2:7\r\n");
    process.end(1);
    expect(await run).toMatchObject({ code: 1 });
    expect(text(events)).toBe("hi\nError: boom\n    at snippet.ts:2:7\n");
    expect(events.some((e) => e.type === "stderr")).toBe(false);
  });

  it("shows a partial last line once the process exits", async () => {
    const { container, events, run } = setup();
    const process = await container.nextProcess();
    process.write("no newline");
    process.end(0);
    await run;
    expect(text(events)).toBe("no newline");
  });

  it("kills the process when the signal aborts", async () => {
    const { container, controller, run } = setup();
    const process = await container.nextProcess();
    controller.abort();
    expect(await run).toMatchObject({ code: null, reason: "stopped" });
    expect(process.killed).toBe(true);
  });

  it("stops before spawning when aborted while booting", async () => {
    const container = new FakeWebContainer();
    let release!: () => void;
    const boot = new WebContainerBoot({ boot: () => new Promise((r) => (release = () => r(container))), isolated: () => true });
    const runtime = new WebContainerRuntime({ boot, library: async () => library });
    const controller = new AbortController();
    const run = runtime.run({ files, entry: "snippet.js", timeoutMs: 10_000, signal: controller.signal }, () => {});
    controller.abort();
    expect(await run).toMatchObject({ code: null, reason: "stopped" });
    release();
    await boot.start();
    expect(container.processes).toEqual([]);
  });

  it("kills the process at the timeout", async () => {
    const container = new FakeWebContainer();
    const boot = new WebContainerBoot({ boot: async () => container, isolated: () => true });
    const runtime = new WebContainerRuntime({ boot, library: async () => library });
    const run = runtime.run({ files, entry: "snippet.js", timeoutMs: 20, signal: new AbortController().signal }, () => {});
    const process = await container.nextProcess();
    expect(await run).toMatchObject({ code: null, reason: "timeout" });
    expect(process.killed).toBe(true);
  });

  it("enforces the output cap: what fits, a notice, then the process is killed", async () => {
    const { container, events, run } = setup({ lines: 3, chars: 10_000 });
    const process = await container.nextProcess();
    process.write("1\r\n2\r\n3\r\n4\r\n5\r\n");
    expect(await run).toMatchObject({ code: null, reason: "output-limit" });
    expect(process.killed).toBe(true);
    expect(text(events)).toBe("1\n2\n3\n");
    expect(events.at(-1)).toMatchObject({ type: "status", text: expect.stringMatching(/^Output truncated/) });
  });

  // The real default cap, as readers get it: no limits passed to the runtime.
  it("stops at the default cap of 5,000 lines", async () => {
    const { container, events, run } = setup();
    const process = await container.nextProcess();
    process.write(Array.from({ length: OUTPUT_LIMITS.lines + 10 }, (_, i) => `${i}\r\n`).join(""));
    expect(await run).toMatchObject({ code: null, reason: "output-limit" });
    const out = text(events);
    expect(out.split("\n").length - 1).toBe(5_000);
    expect(out.endsWith("\n4999\n")).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: "status", text: expect.stringContaining("5,000 lines or 256 K characters") });
  });

  it("stops at the default cap of 256 K characters", async () => {
    const { container, events, run } = setup();
    const process = await container.nextProcess();
    const line = `${"x".repeat(99)}\r\n`; // 100 characters once \r\n is \n
    process.write(line.repeat(3_000)); // 300,000 characters in 3,000 lines: under the line cap
    expect(await run).toMatchObject({ code: null, reason: "output-limit" });
    expect(text(events).length).toBe(256 * 1024);
  });

  it("lets output just under the default cap through, and exits normally", async () => {
    const { container, events, run } = setup();
    const process = await container.nextProcess();
    process.write(Array.from({ length: OUTPUT_LIMITS.lines }, (_, i) => `${i}\r\n`).join(""));
    process.end(0);
    expect(await run).toMatchObject({ code: 0 });
    expect(text(events).split("\n").length - 1).toBe(5_000);
  });
});
