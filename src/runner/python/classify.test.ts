import { describe, expect, it } from "vitest";
import { blankStringsAndComments, classifyPython } from "./classify.ts";

const reasonOf = (source: string): string | undefined => {
  const verdict = classifyPython(source);
  return verdict.runnable ? undefined : verdict.reason;
};

describe("classifyPython", () => {
  it("runs plain asyncio, blocking time.sleep included (it blocks the one thread, as in CPython)", () => {
    const source = [
      "import asyncio, time",
      "async def main():",
      "    time.sleep(0.1)",
      "    await asyncio.gather(asyncio.sleep(0.1), asyncio.wait_for(asyncio.sleep(1), 0.2))",
      "asyncio.run(main())",
    ].join("\n");
    expect(classifyPython(source)).toEqual({ runnable: true });
  });

  it.each([
    ["import threading\nthreading.Thread(target=print).start()", "threads", "import threading", 1],
    ["from concurrent.futures import ThreadPoolExecutor", "threads", "from concurrent", 1],
    ["import asyncio\n\nawait asyncio.to_thread(print)", "threads", "to_thread", 3],
    ["loop.run_in_executor(None, f)", "threads", "run_in_executor", 1],
    ["import subprocess", "processes", "subprocess", 1],
    ["proc = await asyncio.create_subprocess_exec('ls')", "processes", "create_subprocess_exec", 1],
    ["from multiprocessing import Pool", "processes", "multiprocessing", 1],
    ["os.fork()", "processes", "os.fork", 1],
    ["r, w = await asyncio.open_connection('127.0.0.1', 80)", "sockets", "open_connection", 1],
    ["server = await asyncio.start_server(handle, '127.0.0.1', 0)", "sockets", "start_server", 1],
    ["import socket", "sockets", "import socket", 1],
    ["class V(asyncio.SelectorEventLoop):\n    pass", "SelectorEventLoop", "SelectorEventLoop", 1],
    ["loop.add_signal_handler(signal.SIGINT, stop)", "signals", "add_signal_handler", 1],
    ["with open('/proc/self/status') as f:\n    pass", "/proc", "/proc/self/status", 1],
  ])("refuses %j: %s", (source, word, found, line) => {
    const verdict = classifyPython(source);
    expect(verdict.runnable).toBe(false);
    if (verdict.runnable) return;
    expect(verdict.reason).toContain(word);
    expect(verdict.obstacles[0]).toMatchObject({ found, line });
  });

  it("lists one obstacle per reason, in the order they first appear", () => {
    const source = ["import asyncio", "", "def rss():", "    return open('/proc/self/status').read()", "import threading", "threading.Event()"].join("\n");
    const verdict = classifyPython(source);
    expect(verdict.runnable).toBe(false);
    if (verdict.runnable) return;
    expect(verdict.obstacles.map((o) => [o.found, o.line])).toEqual([["/proc/self/status", 4], ["import threading", 5]]);
    expect(verdict.reason).toMatch(/\/proc/);
  });

  it("ignores words in comments and strings", () => {
    const source = [
      "# no threading here, no subprocess either",
      'print("threads: to_thread would need a socket.socket()")',
      "print('''",
      "open_connection and start_server, in a docstring",
      "''')",
      "print(r'\\' import threading')",
      "print(f'{len(\"x\")} SelectorEventLoop')",
    ].join("\n");
    expect(classifyPython(source)).toEqual({ runnable: true });
  });

  it("does not mistake names that merely contain a word", () => {
    expect(reasonOf("my_threading_notes = 1\nsocketry = 2\nstart_server_count = 3")).toBeUndefined();
  });
});

describe("blankStringsAndComments", () => {
  it("keeps lines and offsets, and collects each literal with its line", () => {
    const source = "a = 'x'  # c\nb = \"\"\"two\nlines\"\"\"\nc = rb'\\d'";
    const { code, strings } = blankStringsAndComments(source);
    expect(code.length).toBe(source.length);
    expect(code.split("\n")).toEqual(["a =         ", "b =       ", "        ", "c =       "]);
    expect(strings).toEqual([
      { text: "x", line: 1 },
      { text: "two\nlines", line: 2 },
      { text: "\\d", line: 4 },
    ]);
  });
});
