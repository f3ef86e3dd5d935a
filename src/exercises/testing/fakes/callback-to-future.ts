import type { Fake } from "./index.ts";

/** A module whose fetch() is `body` (with `fut`, `name` and `library` in scope). */
const fetchWith = (body: string) => `import * as asyncio from "asyncio";

type Library = (name: string, onDone: (data: string) => void) => void;

function legacyFetch(name: string, onDone: (data: string) => void): void {
  asyncio.getRunningLoop().callLater(1.5, () => onDone(\`\${name} data\`));
}

export function fetch(name: string, library: Library = legacyFetch): asyncio.Future<string> {
  const fut = asyncio.getRunningLoop().createFuture<string>();
  ${body}
  return fut;
}
`;

export default [
  {
    kind: "the expected data after 1.5 s, without the library",
    fails: "each future holds the data its callback brought",
    code: fetchWith("asyncio.getRunningLoop().callLater(1.5, () => fut.setResult(`${name} data`));"),
  },
  {
    kind: "ignores the library it is given",
    fails: "each future holds the data its callback brought",
    code: fetchWith("legacyFetch(name, (data) => { if (!fut.done()) fut.setResult(data); });"),
  },
  {
    kind: "a task around a coroutine instead of a plain future",
    fails: "fetch() returns a plain Future (not a task or a coroutine)",
    code: `import * as asyncio from "asyncio";

type Library = (name: string, onDone: (data: string) => void) => void;

export function fetch(name: string, library: Library): asyncio.Future<string> {
  return asyncio.ensureFuture(
    (function* () {
      const fut = asyncio.getRunningLoop().createFuture<string>();
      library(name, (data) => { if (!fut.done()) fut.setResult(data); });
      return yield* fut;
    })(),
  );
}
`,
  },
  {
    kind: "done a second after the callback",
    fails: "each future is done when its callback comes",
    code: fetchWith("library(name, (data) => asyncio.getRunningLoop().callLater(1, () => { if (!fut.done()) fut.setResult(data); }));"),
  },
  {
    kind: "sets the result even when the future was cancelled",
    fails: "a fetch cancelled before its data arrives causes no error",
    code: fetchWith("library(name, (data) => fut.setResult(data));"),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "the expected data after 1.5 s, without the library",
    fails: "each future holds the data its callback brought",
    code: String.raw`import asyncio

def fetch(name, library=None):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1.5, lambda: fut.done() or fut.set_result(f"{name} data"))
    return fut
`,
  },
  {
    kind: "ignores the library it is given",
    fails: "each future holds the data its callback brought",
    code: String.raw`import asyncio

def legacy_fetch(name, on_done):
    asyncio.get_running_loop().call_later(1.5, on_done, f"{name} data")

def fetch(name, library=legacy_fetch):
    fut = asyncio.get_running_loop().create_future()

    def on_done(data):
        if not fut.done():
            fut.set_result(data)

    legacy_fetch(name, on_done)
    return fut
`,
  },
  {
    kind: "a task around a coroutine instead of a plain future",
    fails: "fetch() returns a plain Future (not a task or a coroutine)",
    code: String.raw`import asyncio

async def wait_for_data(name, library):
    fut = asyncio.get_running_loop().create_future()
    library(name, lambda data: fut.done() or fut.set_result(data))
    return await fut

def fetch(name, library=None):
    return asyncio.create_task(wait_for_data(name, library))
`,
  },
  {
    kind: "done a second after the callback",
    fails: "each future is done when its callback comes",
    code: String.raw`import asyncio

def fetch(name, library=None):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def on_done(data):
        loop.call_later(1, lambda: fut.done() or fut.set_result(data))

    library(name, on_done)
    return fut
`,
  },
  {
    kind: "sets the result even when the future was cancelled",
    fails: "a fetch cancelled before its data arrives causes no error",
    code: String.raw`import asyncio

def fetch(name, library=None):
    fut = asyncio.get_running_loop().create_future()
    library(name, fut.set_result)
    return fut
`,
  },
] satisfies Fake[];
