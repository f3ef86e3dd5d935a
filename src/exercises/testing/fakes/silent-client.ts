import type { Fake } from "./index.ts";

const serve = `import * as asyncio from "asyncio";

function* serve(client: number, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  return \`client \${client}: served\`;
}
`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns one line per client, in order",
    code: `import * as asyncio from "asyncio";

export function* serveAll(delays: number[], seconds: number): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(2);
  return ["client 0: served", "client 1: served", "client 2: served", "client 3: timed out", "client 4: served"];
}
`,
  },
  {
    kind: "works the answer out from the delays, serving nobody",
    fails: "every client's message is waited for, all from the start",
    code: `import * as asyncio from "asyncio";

export function* serveAll(delays: number[], seconds: number): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(seconds);
  return delays.map((delay, client) => \`client \${client}: \${delay < seconds ? "served" : "timed out"}\`);
}
`,
  },
  {
    kind: "one client after another, each with its timeout",
    fails: "every client's message is waited for, all from the start",
    code: `${serve}
export function* serveAll(delays: number[], seconds: number): asyncio.Coroutine<string[]> {
  const results: string[] = [];
  for (const [client, delay] of delays.entries()) {
    try {
      results.push(yield* asyncio.waitFor(serve(client, delay), seconds));
    } catch {
      results.push(\`client \${client}: timed out\`);
    }
  }
  return results;
}
`,
  },
  {
    kind: "stops waiting at the limit but leaves the silent clients' waits running",
    fails: "no client is left waiting once it timed out",
    code: `${serve}
export function* serveAll(delays: number[], seconds: number): asyncio.Coroutine<string[]> {
  const tasks = delays.map((delay, client) => asyncio.createTask(serve(client, delay)));
  yield* asyncio.wait(tasks, { timeout: seconds });
  return tasks.map((task, client) => (task.done() ? task.result() : \`client \${client}: timed out\`));
}
`,
  },
  {
    kind: "one timeout around the whole gather",
    fails: "the clients who send in time are served",
    code: `${serve}
export function* serveAll(delays: number[], seconds: number): asyncio.Coroutine<string[]> {
  try {
    return yield* asyncio.waitFor(asyncio.gather(...delays.map((delay, client) => serve(client, delay))), seconds);
  } catch {
    return delays.map((_, client) => \`client \${client}: timed out\`);
  }
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns one line per client, in order",
    code: String.raw`import asyncio

async def serve_all(delays, seconds):
    await asyncio.sleep(2)
    return ["client 0: served", "client 1: served", "client 2: served", "client 3: timed out", "client 4: served"]
`,
  },
  {
    kind: "works the answer out from the delays, serving nobody",
    fails: "every client's message is waited for, all from the start",
    code: String.raw`import asyncio

async def serve_all(delays, seconds):
    await asyncio.sleep(seconds)
    return [f"client {client}: {'served' if delay < seconds else 'timed out'}" for client, delay in enumerate(delays)]
`,
  },
  {
    kind: "one client after another, each with its timeout",
    fails: "every client's message is waited for, all from the start",
    code: String.raw`import asyncio

async def serve(client, delay):
    await asyncio.sleep(delay)
    return f"client {client}: served"

async def serve_all(delays, seconds):
    results = []
    for client, delay in enumerate(delays):
        try:
            results.append(await asyncio.wait_for(serve(client, delay), seconds))
        except asyncio.TimeoutError:
            results.append(f"client {client}: timed out")
    return results
`,
  },
  {
    kind: "stops waiting at the limit but leaves the silent clients' waits running",
    fails: "no client is left waiting once it timed out",
    code: String.raw`import asyncio

async def serve(client, delay):
    await asyncio.sleep(delay)
    return f"client {client}: served"

async def serve_all(delays, seconds):
    tasks = [asyncio.create_task(serve(client, delay)) for client, delay in enumerate(delays)]
    await asyncio.wait(tasks, timeout=seconds)
    return [task.result() if task.done() else f"client {client}: timed out" for client, task in enumerate(tasks)]
`,
  },
  {
    kind: "one timeout around the whole gather",
    fails: "the clients who send in time are served",
    code: String.raw`import asyncio

async def serve(client, delay):
    await asyncio.sleep(delay)
    return f"client {client}: served"

async def serve_all(delays, seconds):
    try:
        return await asyncio.wait_for(asyncio.gather(*(serve(client, delay) for client, delay in enumerate(delays))), seconds)
    except asyncio.TimeoutError:
        return [f"client {client}: timed out" for client in range(len(delays))]
`,
  },
] satisfies Fake[];
