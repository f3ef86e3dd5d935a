import type { Fake } from "./index.ts";

const ping = `import * as asyncio from "asyncio";

type Server = [name: string, seconds: number, up: boolean];

function* ping(server: string, seconds: number, up: boolean): asyncio.Coroutine<string> {
  yield* asyncio.sleep(seconds);
  if (!up) throw new Error(\`\${server} is down\`);
  console.log(\`\${server}: pong\`);
  return \`\${server}: up\`;
}
`;

const lines = "servers.map(([name, , up]) => (up ? `${name}: up` : `${name}: down (${name} is down)`))";

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns one line per server, in order: up, or down and why",
    code: `import * as asyncio from "asyncio";

export function* pingAll(servers: Array<[string, number, boolean]>): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(2);
  console.log("a: pong");
  console.log("c: pong");
  return ["a: up", "b: down (b is down)", "c: up"];
}
`,
  },
  {
    kind: "works the lines out from the servers, pinging nobody",
    fails: "every server is pinged at once, each in its own task, to the end",
    code: `import * as asyncio from "asyncio";

export function* pingAll(servers: Array<[string, number, boolean]>): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(Math.max(...servers.map(([, seconds]) => seconds)));
  return ${lines};
}
`,
  },
  {
    kind: "returns at the first error with the right lines, leaving the other pings running",
    fails: "no ping is left running when pingAll returns",
    code: `${ping}
export function* pingAll(servers: Server[]): asyncio.Coroutine<string[]> {
  try {
    yield* asyncio.gather(...servers.map(([name, seconds, up]) => ping(name, seconds, up)));
  } catch {
    // the first error: the rest are still running
  }
  return ${lines};
}
`,
  },
  {
    kind: "one server after another",
    fails: "every server is pinged at once, each in its own task, to the end",
    code: `${ping}
export function* pingAll(servers: Server[]): asyncio.Coroutine<string[]> {
  const report: string[] = [];
  for (const [name, seconds, up] of servers) {
    try {
      report.push(yield* ping(name, seconds, up));
    } catch (error) {
      report.push(\`\${name}: down (\${(error as Error).message})\`);
    }
  }
  return report;
}
`,
  },
  {
    kind: "calls every server down once one is",
    fails: "it returns one line per server, in order: up, or down and why",
    code: `${ping}
export function* pingAll(servers: Server[]): asyncio.Coroutine<string[]> {
  const tasks = servers.map(([name, seconds, up]) => asyncio.createTask(ping(name, seconds, up)));
  try {
    return yield* asyncio.gather(...tasks);
  } catch (error) {
    yield* asyncio.wait(tasks);
    return servers.map(([name]) => \`\${name}: down (\${(error as Error).message})\`);
  }
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns one line per server, in order: up, or down and why",
    code: String.raw`import asyncio

async def ping_all(servers):
    await asyncio.sleep(2)
    print("a: pong")
    print("c: pong")
    return ["a: up", "b: down (b is down)", "c: up"]
`,
  },
  {
    kind: "works the lines out from the servers, pinging nobody",
    fails: "every server is pinged at once, each in its own task, to the end",
    code: String.raw`import asyncio

async def ping_all(servers):
    await asyncio.sleep(max(seconds for _, seconds, _ in servers))
    for name, _, up in servers:
        if up:
            print(f"{name}: pong")
    return [f"{name}: up" if up else f"{name}: down ({name} is down)" for name, _, up in servers]
`,
  },
  {
    kind: "returns at the first error with the right lines, leaving the other pings running",
    fails: "no ping is left running when pingAll returns",
    code: String.raw`import asyncio

async def ping(server, seconds, up):
    await asyncio.sleep(seconds)
    if not up:
        raise ConnectionError(f"{server} is down")
    print(f"{server}: pong")
    return f"{server}: up"

async def ping_all(servers):
    try:
        await asyncio.gather(*(ping(name, seconds, up) for name, seconds, up in servers))
    except ConnectionError:
        pass
    return [f"{name}: up" if up else f"{name}: down ({name} is down)" for name, _, up in servers]
`,
  },
  {
    kind: "one server after another",
    fails: "every server is pinged at once, each in its own task, to the end",
    code: String.raw`import asyncio

async def ping(server, seconds, up):
    await asyncio.sleep(seconds)
    if not up:
        raise ConnectionError(f"{server} is down")
    print(f"{server}: pong")
    return f"{server}: up"

async def ping_all(servers):
    lines = []
    for name, seconds, up in servers:
        try:
            lines.append(await ping(name, seconds, up))
        except ConnectionError as error:
            lines.append(f"{name}: down ({error})")
    return lines
`,
  },
  {
    kind: "calls every server down once one is",
    fails: "it returns one line per server, in order: up, or down and why",
    code: String.raw`import asyncio

async def ping(server, seconds, up):
    await asyncio.sleep(seconds)
    if not up:
        raise ConnectionError(f"{server} is down")
    print(f"{server}: pong")
    return f"{server}: up"

async def ping_all(servers):
    tasks = [asyncio.create_task(ping(name, seconds, up)) for name, seconds, up in servers]
    try:
        return await asyncio.gather(*tasks)
    except ConnectionError as error:
        await asyncio.gather(*tasks, return_exceptions=True)
        return [f"{name}: down ({error})" for name, _, _ in servers]
`,
  },
] satisfies Fake[];
