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
