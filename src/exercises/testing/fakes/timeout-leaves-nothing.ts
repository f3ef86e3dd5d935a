import type { Fake } from "./index.ts";

/** downloadAll with the exercise's timeout, ending with `after` (catch/finally clauses). */
const downloads = (after: string) => `import * as asyncio from "asyncio";

function* download(part: string, seconds: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(seconds);
  console.log(\`\${part}: done\`);
  return part;
}

export function* downloadAll(parts: Array<[string, number]>, limit: number): asyncio.Coroutine<string[] | null> {
  const tasks = parts.map(([part, seconds]) => asyncio.createTask(download(part, seconds), { name: part }));
  try {
    return yield* asyncio.timeout(limit, function* () {
      const names: string[] = [];
      for (const task of tasks) names.push(yield* task);
      return names;
    });
  } ${after}
}
`;

const stopAll = `for (const task of tasks) task.cancel();
    yield* asyncio.gather(...tasks, { returnExceptions: true });`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "downloadAll returns every part when there is time",
    code: `import * as asyncio from "asyncio";

export function* downloadAll(parts: Array<[string, number]>, limit: number): asyncio.Coroutine<string[] | null> {
  yield* asyncio.sleep(0.5);
  console.log("b: done");
  yield* asyncio.sleep(1.5);
  return null;
}
`,
  },
  {
    kind: "one part after another (so a limit with time to spare for all at once runs out)",
    fails: "downloadAll returns every part when there is time",
    code: `import * as asyncio from "asyncio";

function* download(part: string, seconds: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(seconds);
  return part;
}

export function* downloadAll(parts: Array<[string, number]>, limit: number): asyncio.Coroutine<string[] | null> {
  try {
    return yield* asyncio.timeout(limit, function* () {
      const names: string[] = [];
      for (const [part, seconds] of parts) names.push(yield* download(part, seconds));
      return names;
    });
  } catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    return null;
  }
}
`,
  },
  {
    kind: "dummy tasks with the parts' names; downloadAll waits itself",
    fails: "every part downloads at once, each in its own task",
    code: `import * as asyncio from "asyncio";

function* idle(): asyncio.Coroutine<void> {}

export function* downloadAll(parts: Array<[string, number]>, limit: number): asyncio.Coroutine<string[] | null> {
  const tasks = parts.map(([part]) => asyncio.createTask(idle(), { name: part }));
  yield* asyncio.gather(...tasks);
  const longest = Math.max(...parts.map(([, seconds]) => seconds));
  yield* asyncio.sleep(Math.min(longest, limit));
  return longest <= limit ? parts.map(([part]) => part) : null;
}
`,
  },
  {
    kind: "stops waiting at the limit with wait(), leaving the downloads running",
    fails: "out of time, no download is left behind",
    code: `import * as asyncio from "asyncio";

function* download(part: string, seconds: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(seconds);
  return part;
}

export function* downloadAll(parts: Array<[string, number]>, limit: number): asyncio.Coroutine<string[] | null> {
  const tasks = parts.map(([part, seconds]) => asyncio.createTask(download(part, seconds)));
  const [, pending] = yield* asyncio.wait(tasks, { timeout: limit });
  return pending.size > 0 ? null : tasks.map((task) => task.result());
}
`,
  },
  {
    kind: "cleans up only in catch, when the time runs out",
    fails: "cancelled from outside, it stops and leaves no download behind",
    code: downloads(`catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    ${stopAll}
    return null;
  }`),
  },
  {
    kind: "cancels the downloads but does not wait for them",
    fails: "out of time, no download is left behind",
    code: downloads(`catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    return null;
  } finally {
    for (const task of tasks) task.cancel();
  }`),
  },
  {
    kind: "swallows a cancel from outside",
    fails: "cancelled from outside, it stops and leaves no download behind",
    code: downloads(`catch {
    return null;
  } finally {
    ${stopAll}
  }`),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "downloadAll returns every part when there is time",
    code: String.raw`import asyncio

async def download_all(parts, limit):
    await asyncio.sleep(2)
    print("b: done")
    return None
`,
  },
  {
    kind: "one part after another (so a limit with time to spare for all at once runs out)",
    fails: "downloadAll returns every part when there is time",
    code: String.raw`import asyncio

async def download(part, seconds):
    await asyncio.sleep(seconds)
    print(f"{part}: done")
    return part

async def download_all(parts, limit):
    try:
        async with asyncio.timeout(limit):
            return [await download(part, seconds) for part, seconds in parts]
    except TimeoutError:
        return None
`,
  },
  {
    kind: "dummy tasks with the parts' names; download_all waits itself",
    fails: "every part downloads at once, each in its own task",
    code: String.raw`import asyncio

async def idle():
    pass

async def download_all(parts, limit):
    tasks = [asyncio.create_task(idle(), name=part) for part, _ in parts]
    await asyncio.gather(*tasks)
    slowest = max(seconds for _, seconds in parts)
    await asyncio.sleep(min(slowest, limit))
    return [part for part, _ in parts] if slowest <= limit else None
`,
  },
  {
    kind: "stops waiting at the limit with wait(), leaving the downloads running",
    fails: "out of time, no download is left behind",
    code: String.raw`import asyncio

async def download(part, seconds):
    await asyncio.sleep(seconds)
    print(f"{part}: done")
    return part

async def download_all(parts, limit):
    tasks = [asyncio.create_task(download(part, seconds), name=part) for part, seconds in parts]
    done, pending = await asyncio.wait(tasks, timeout=limit)
    return None if pending else [task.result() for task in tasks]
`,
  },
  {
    kind: "cleans up only in except, when the time runs out",
    fails: "cancelled from outside, it stops and leaves no download behind",
    code: String.raw`import asyncio

async def download(part, seconds):
    await asyncio.sleep(seconds)
    print(f"{part}: done")
    return part

async def download_all(parts, limit):
    tasks = [asyncio.create_task(download(part, seconds), name=part) for part, seconds in parts]
    try:
        async with asyncio.timeout(limit):
            return [await task for task in tasks]
    except TimeoutError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        return None
`,
  },
  {
    kind: "cancels the downloads but does not wait for them",
    fails: "out of time, no download is left behind",
    code: String.raw`import asyncio

async def download(part, seconds):
    await asyncio.sleep(seconds)
    print(f"{part}: done")
    return part

async def download_all(parts, limit):
    tasks = [asyncio.create_task(download(part, seconds), name=part) for part, seconds in parts]
    try:
        async with asyncio.timeout(limit):
            return [await task for task in tasks]
    except TimeoutError:
        return None
    finally:
        for task in tasks:
            task.cancel()
`,
  },
  {
    kind: "swallows a cancel from outside",
    fails: "cancelled from outside, it stops and leaves no download behind",
    code: String.raw`import asyncio

async def download(part, seconds):
    await asyncio.sleep(seconds)
    print(f"{part}: done")
    return part

async def download_all(parts, limit):
    tasks = [asyncio.create_task(download(part, seconds), name=part) for part, seconds in parts]
    try:
        async with asyncio.timeout(limit):
            return [await task for task in tasks]
    except (TimeoutError, asyncio.CancelledError):
        return None
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
`,
  },
] satisfies Fake[];
