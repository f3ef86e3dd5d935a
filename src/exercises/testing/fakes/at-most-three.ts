import type { Fake } from "./index.ts";

const serve = `import * as asyncio from "asyncio";

function* serve(client: number): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0.1);
}
`;

export default [
  {
    kind: "prints the expected line, with a sleep",
    fails: "every client is served, once",
    code: `import * as asyncio from "asyncio";

export function* serveAll(count: number, atOnce: number): asyncio.Coroutine<number> {
  yield* asyncio.sleep(0.4);
  console.log("served 10 clients, at most 3 at once");
  return 3;
}
`,
  },
  {
    kind: "dummy tasks for the clients, doing none of the work",
    fails: "every client is served, once",
    code: `import * as asyncio from "asyncio";

function* nothing(): asyncio.Coroutine<void> {}

export function* serveAll(count: number, atOnce: number): asyncio.Coroutine<number> {
  const tasks = Array.from({ length: count }, (_, client) => asyncio.createTask(nothing(), { name: \`client \${client}\` }));
  yield* asyncio.sleep(Math.ceil(count / atOnce) * 0.1);
  yield* asyncio.gather(...tasks);
  return atOnce;
}
`,
  },
  {
    kind: "one after another",
    fails: "as many at once as allowed: rounds of the limit",
    code: `${serve}
export function* serveAll(count: number, atOnce: number): asyncio.Coroutine<number> {
  for (let client = 0; client < count; client++) yield* serve(client);
  return 1;
}
`,
  },
  {
    kind: "all at once, ignoring the limit",
    fails: "never more clients at once than allowed",
    code: `${serve}
export function* serveAll(count: number, atOnce: number): asyncio.Coroutine<number> {
  yield* asyncio.gather(...Array.from({ length: count }, (_, client) => serve(client)));
  return atOnce;
}
`,
  },
  {
    kind: "a new semaphore for each client",
    fails: "never more clients at once than allowed",
    code: `${serve}
export function* serveAll(count: number, atOnce: number): asyncio.Coroutine<number> {
  yield* asyncio.gather(...Array.from({ length: count }, (_, client) => asyncio.asyncWith(new asyncio.Semaphore(atOnce), () => serve(client))));
  return atOnce;
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected line, with a sleep",
    fails: "every client is served, once",
    code: String.raw`import asyncio

async def serve_all(count, at_once):
    await asyncio.sleep(0.4)
    return at_once
`,
  },
  {
    kind: "dummy tasks for the clients, doing none of the work",
    fails: "every client is served, once",
    code: String.raw`import asyncio

async def nothing():
    pass

async def serve_all(count, at_once):
    await asyncio.gather(*(asyncio.create_task(nothing(), name=f"client {client}") for client in range(count)))
    await asyncio.sleep(0.1 * -(-count // at_once))
    return at_once
`,
  },
  {
    kind: "one after another",
    fails: "as many at once as allowed: rounds of the limit",
    code: String.raw`import asyncio

async def serve(client):
    await asyncio.sleep(0.1)

async def serve_all(count, at_once):
    for client in range(count):
        await serve(client)
    return 1
`,
  },
  {
    kind: "all at once, ignoring the limit",
    fails: "never more clients at once than allowed",
    code: String.raw`import asyncio

async def serve(client):
    await asyncio.sleep(0.1)

async def serve_all(count, at_once):
    await asyncio.gather(*(serve(client) for client in range(count)))
    return at_once
`,
  },
  {
    kind: "a new semaphore for each client",
    fails: "never more clients at once than allowed",
    code: String.raw`import asyncio

serving = 0
peak = 0

async def serve(client):
    global serving, peak
    serving += 1
    peak = max(peak, serving)
    await asyncio.sleep(0.1)
    serving -= 1

async def serve_limited(client, at_once):
    async with asyncio.Semaphore(at_once):
        await serve(client)

async def serve_all(count, at_once):
    global serving, peak
    serving = peak = 0
    await asyncio.gather(*(serve_limited(client, at_once) for client in range(count)))
    return peak
`,
  },
] satisfies Fake[];
