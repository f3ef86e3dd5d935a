import type { Fake } from "./index.ts";

/** The exercise's module with fetchWithRetry's `catch` body as given. */
const retrying = (handler: string, after = "") => `import * as asyncio from "asyncio";

let attempts = 0;

function* flakyFetch(seconds: number): asyncio.Coroutine<string> {
  attempts++;
  yield* asyncio.sleep(seconds);
  throw new Error(\`connection reset (attempt \${attempts})\`);
}

function* fetchWithRetry(seconds: number): asyncio.Coroutine<string> {
  while (true) {
    try {
      return yield* flakyFetch(seconds);
    } catch (error) {
      ${handler}
    }
  }
}

export function* fetchFor(attempt: number, patience: number): asyncio.Coroutine<void> {
  attempts = 0;
  const task = asyncio.createTask(fetchWithRetry(attempt), { name: "fetch" });
  yield* asyncio.sleep(patience);
  task.cancel();
  ${after || `try {
    yield* task;
  } catch (error) {
    if (!(error instanceof asyncio.CancelledError)) throw error;
    console.log("main: fetch cancelled");
  }`}
}
`;

export default [
  {
    kind: "prints the expected lines, with sleeps",
    fails: "it still retries after a reset connection",
    code: `import * as asyncio from "asyncio";

export function* fetchFor(attempt: number, patience: number): asyncio.Coroutine<void> {
  yield* asyncio.sleep(1);
  console.log("retrying after: connection reset (attempt 1)");
  yield* asyncio.sleep(1);
  console.log("retrying after: connection reset (attempt 2)");
  yield* asyncio.sleep(0.5);
  console.log("main: fetch cancelled");
}
`,
  },
  {
    kind: "a dummy task named fetch; fetchFor prints the retries itself",
    fails: "it still retries after a reset connection",
    code: `import * as asyncio from "asyncio";

export function* fetchFor(attempt: number, patience: number): asyncio.Coroutine<void> {
  const task = asyncio.createTask(asyncio.sleep(3600), { name: "fetch" });
  for (let i = 1; i * attempt < patience; i++) {
    yield* asyncio.sleep(attempt);
    console.log(\`retrying after: connection reset (attempt \${i})\`);
  }
  yield* asyncio.sleep(patience - Math.floor(patience / attempt) * attempt);
  task.cancel();
  yield* asyncio.gather(task, { returnExceptions: true });
  console.log("main: fetch cancelled");
}
`,
  },
  {
    kind: "never retries",
    fails: "it still retries after a reset connection",
    code: retrying("if (error instanceof asyncio.CancelledError) throw error;\n      return `gave up after: ${(error as Error).message}`;"),
  },
  {
    kind: "retries on anything that is an Error, cancellation included",
    fails: "cancelling the fetch task stops it",
    code: retrying("if (!(error instanceof Error)) throw error;\n      console.log(`retrying after: ${error.message}`);"),
  },
  {
    kind: "lets cancellation through, but fetchFor does not catch it",
    fails: "fetchFor finishes, without an error",
    code: retrying(
      "if (error instanceof asyncio.CancelledError) throw error;\n      console.log(`retrying after: ${(error as Error).message}`);",
      'yield* task;\n  console.log("main: fetch cancelled");',
    ),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with sleeps",
    fails: "it still retries after a reset connection",
    code: String.raw`import asyncio

async def fetch_for(attempt, patience):
    await asyncio.sleep(1)
    print("retrying after: connection reset (attempt 1)")
    await asyncio.sleep(1)
    print("retrying after: connection reset (attempt 2)")
    await asyncio.sleep(0.5)
    print("main: fetch cancelled")
`,
  },
  {
    kind: "a dummy task named fetch; fetch_for prints the retries itself",
    fails: "it still retries after a reset connection",
    code: String.raw`import asyncio

async def idle():
    pass

async def fetch_for(attempt, patience):
    task = asyncio.create_task(idle(), name="fetch")
    count = 0
    while (count + 1) * attempt < patience:
        await asyncio.sleep(attempt)
        count += 1
        print(f"retrying after: connection reset (attempt {count})")
    await asyncio.sleep(patience - count * attempt)
    await task
    print("main: fetch cancelled")
`,
  },
  {
    kind: "never retries",
    fails: "it still retries after a reset connection",
    code: String.raw`import asyncio

async def flaky_fetch(seconds):
    await asyncio.sleep(seconds)
    raise ConnectionResetError("connection reset (attempt 1)")

async def fetch_once(seconds):
    try:
        await flaky_fetch(seconds)
    except ConnectionResetError:
        await asyncio.sleep(3600)

async def fetch_for(attempt, patience):
    task = asyncio.create_task(fetch_once(attempt), name="fetch")
    await asyncio.sleep(patience)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: fetch cancelled")
`,
  },
  {
    kind: "retries on anything, cancellation included",
    fails: "cancelling the fetch task stops it",
    code: String.raw`import asyncio

attempts = 0

async def flaky_fetch(seconds):
    global attempts
    attempts += 1
    await asyncio.sleep(seconds)
    raise ConnectionResetError(f"connection reset (attempt {attempts})")

async def fetch_with_retry(seconds):
    while True:
        try:
            return await flaky_fetch(seconds)
        except BaseException as error:
            print(f"retrying after: {error}")

async def fetch_for(attempt, patience):
    global attempts
    attempts = 0
    task = asyncio.create_task(fetch_with_retry(attempt), name="fetch")
    await asyncio.sleep(patience)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: fetch cancelled")
`,
  },
  {
    kind: "lets cancellation through, but fetch_for does not catch it",
    fails: "fetchFor finishes, without an error",
    code: String.raw`import asyncio

attempts = 0

async def flaky_fetch(seconds):
    global attempts
    attempts += 1
    await asyncio.sleep(seconds)
    raise ConnectionResetError(f"connection reset (attempt {attempts})")

async def fetch_with_retry(seconds):
    while True:
        try:
            return await flaky_fetch(seconds)
        except Exception as error:
            print(f"retrying after: {error}")

async def fetch_for(attempt, patience):
    global attempts
    attempts = 0
    task = asyncio.create_task(fetch_with_retry(attempt), name="fetch")
    await asyncio.sleep(patience)
    task.cancel()
    await task
    print("main: fetch cancelled")
`,
  },
] satisfies Fake[];
