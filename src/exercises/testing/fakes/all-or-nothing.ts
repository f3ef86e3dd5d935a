import type { Fake } from "./index.ts";

const header = `import * as asyncio from "asyncio";

type Fetch = (url: string) => asyncio.Coroutine<string>;
`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns every page, in the order of the URLs",
    code: `${header}
export function* fetchAll(urls: string[], fetch: Fetch): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(0.5);
  console.log("  fetched a.io");
  console.log("  fetched bb.io");
  return ["<a.io>", "<bb.io>"];
}
`,
  },
  {
    kind: "one URL after another",
    fails: "the fetches run at once: done after the slowest, not after all of them in turn",
    code: `${header}
export function* fetchAll(urls: string[], fetch: Fetch): asyncio.Coroutine<string[]> {
  const pages: string[] = [];
  for (const url of urls) pages.push(yield* fetch(url));
  return pages;
}
`,
  },
  {
    kind: "gather, then cancelling the rest without waiting for them",
    fails: "fetchAll ends only once every fetch has ended, right after the failure",
    code: `${header}
export function* fetchAll(urls: string[], fetch: Fetch): asyncio.Coroutine<string[]> {
  const tasks = urls.map((url) => asyncio.createTask(fetch(url)));
  try {
    return yield* asyncio.gather(...tasks);
  } catch (error) {
    for (const task of tasks) task.cancel();
    throw error;
  }
}
`,
  },
  {
    kind: "returns made-up pages",
    fails: "it returns every page, in the order of the URLs",
    code: `${header}
export function* fetchAll(urls: string[], fetch: Fetch): asyncio.Coroutine<string[]> {
  return urls.map((url) => \`<\${url}>\`);
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns every page, in the order of the URLs",
    code: String.raw`import asyncio

async def fetch_all(urls, fetch):
    await asyncio.sleep(0.5)
    print("  fetched a.io")
    print("  fetched bb.io")
    return ["<a.io>", "<bb.io>"]
`,
  },
  {
    kind: "returns made-up pages",
    fails: "it returns every page, in the order of the URLs",
    code: String.raw`async def fetch_all(urls, fetch):
    return [f"<{url}>" for url in urls]
`,
  },
  {
    kind: "one URL after another",
    fails: "the fetches run at once: done after the slowest, not after all of them in turn",
    code: String.raw`async def fetch_all(urls, fetch):
    return [await fetch(url) for url in urls]
`,
  },
  {
    kind: "gather, then cancelling the rest without waiting for them",
    fails: "fetchAll ends only once every fetch has ended, right after the failure",
    code: String.raw`import asyncio

async def fetch_all(urls, fetch):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    try:
        return await asyncio.gather(*tasks)
    except Exception:
        for task in tasks:
            task.cancel()
        raise
`,
  },
] satisfies Fake[];
