import type { Fake } from "./index.ts";

const header = `import * as asyncio from "asyncio";

type Fetch = () => asyncio.Coroutine<string>;
`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "a reply in time comes back at once",
    code: `${header}
export function* fetchWithRetry(fetch: Fetch, perTry: number, tries: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(0.6);
  console.log("  attempt 1 timed out");
  console.log("  attempt 2 timed out");
  yield* asyncio.sleep(0.1);
  return "reply on attempt 3";
}
`,
  },
  {
    kind: "a retry loop that catches every error, cancellation included",
    fails: "a cancellation from outside stops it at once",
    code: `${header}
export function* fetchWithRetry(fetch: Fetch, perTry: number, tries: number): asyncio.Coroutine<string> {
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      return yield* asyncio.timeout(perTry, fetch);
    } catch {
      console.log(\`  attempt \${attempt} failed\`);
    }
  }
  throw new asyncio.TimeoutError();
}
`,
  },
  {
    kind: "no timeout at all",
    fails: "an attempt that hangs is abandoned after perTry, and the next one made",
    code: `${header}
export function* fetchWithRetry(fetch: Fetch, perTry: number, tries: number): asyncio.Coroutine<string> {
  return yield* fetch();
}
`,
  },
  {
    kind: "one attempt after another, each waiting its full time",
    fails: "an attempt that hangs is abandoned after perTry, and the next one made",
    code: `${header}
export function* fetchWithRetry(fetch: Fetch, perTry: number, tries: number): asyncio.Coroutine<string> {
  for (let attempt = 1; attempt <= tries; attempt++) {
    const task = asyncio.createTask(fetch());
    yield* asyncio.wait([task]);
    if (!task.cancelled() && task.exception() === null) return task.result();
  }
  throw new asyncio.TimeoutError(\`no reply after \${tries} attempts\`);
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "a reply in time comes back at once",
    code: String.raw`import asyncio

async def fetch_with_retry(fetch, per_try, tries):
    await asyncio.sleep(0.6)
    print("  attempt 1 timed out")
    print("  attempt 2 timed out")
    await asyncio.sleep(0.1)
    return "reply on attempt 3"
`,
  },
  {
    kind: "no timeout at all",
    fails: "an attempt that hangs is abandoned after perTry, and the next one made",
    code: String.raw`async def fetch_with_retry(fetch, per_try, tries):
    return await fetch()
`,
  },
  {
    kind: "a retry loop that catches every error, cancellation included",
    fails: "a cancellation from outside stops it at once",
    code: String.raw`import asyncio

async def fetch_with_retry(fetch, per_try, tries):
    for attempt in range(1, tries + 1):
        try:
            return await asyncio.wait_for(fetch(), per_try)
        except BaseException:
            print(f"  attempt {attempt} failed")
    raise TimeoutError(f"no reply after {tries} attempts")
`,
  },
  {
    kind: "one attempt after another, each waiting its full time",
    fails: "an attempt that hangs is abandoned after perTry, and the next one made",
    code: String.raw`import asyncio

async def fetch_with_retry(fetch, per_try, tries):
    for attempt in range(1, tries + 1):
        task = asyncio.ensure_future(fetch())
        await asyncio.wait([task])
        if task.done() and not task.cancelled() and task.exception() is None:
            return task.result()
    raise TimeoutError(f"no reply after {tries} attempts")
`,
  },
] satisfies Fake[];
