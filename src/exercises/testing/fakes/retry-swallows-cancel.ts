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
