import type { Fake } from "./index.ts";

/** A module whose fastest() starts a task per mirror (`tasks`), then does `rest`. */
const asking = (rest: string) => `import * as asyncio from "asyncio";

function* ask(mirror: string, seconds: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(seconds);
  return \`\${mirror}: here is the file\`;
}

export function* fastest(mirrors: Array<[string, number]>): asyncio.Coroutine<string> {
  const tasks = mirrors.map(([mirror, seconds]) => asyncio.createTask(ask(mirror, seconds), { name: \`mirror \${mirror}\` }));
  ${rest}
}
`;

export default [
  {
    kind: "prints the expected answer, with a sleep",
    fails: "the answer comes from the fastest mirror",
    code: `import * as asyncio from "asyncio";

export function* fastest(mirrors: Array<[string, number]>): asyncio.Coroutine<string> {
  yield* asyncio.sleep(1);
  return "b: here is the file";
}
`,
  },
  {
    kind: "works the fastest out from the delays, asking nobody",
    fails: "every mirror is asked at once, each in its own task",
    code: `import * as asyncio from "asyncio";

export function* fastest(mirrors: Array<[string, number]>): asyncio.Coroutine<string> {
  const [name, seconds] = mirrors.reduce((best, mirror) => (mirror[1] < best[1] ? mirror : best));
  yield* asyncio.sleep(seconds);
  return \`\${name}: here is the file\`;
}
`,
  },
  {
    kind: "waits for every answer, then picks the fastest",
    fails: "it returns as soon as the fastest answers",
    code: asking(`const answers = yield* asyncio.gather(...tasks);
  return answers[mirrors.indexOf(mirrors.reduce((best, mirror) => (mirror[1] < best[1] ? mirror : best)))]!;`),
  },
  {
    kind: "leaves the slower requests running",
    fails: "the slower requests are cancelled, and stopped before it returns",
    code: asking(`const [done] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
  return [...done][0]!.result();`),
  },
  {
    kind: "cancels the slower requests but does not wait for them",
    fails: "the slower requests are cancelled, and stopped before it returns",
    code: asking(`const [done, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
  for (const task of pending) task.cancel();
  return [...done][0]!.result();`),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected answer, with a sleep",
    fails: "the answer comes from the fastest mirror",
    code: String.raw`import asyncio

async def fastest(mirrors):
    await asyncio.sleep(1)
    return "b: here is the file"
`,
  },
  {
    kind: "works the fastest out from the delays, asking nobody",
    fails: "every mirror is asked at once, each in its own task",
    code: String.raw`import asyncio

async def fastest(mirrors):
    mirror, seconds = min(mirrors, key=lambda pair: pair[1])
    await asyncio.sleep(seconds)
    return f"{mirror}: here is the file"
`,
  },
  {
    kind: "waits for every answer, then picks the fastest",
    fails: "it returns as soon as the fastest answers",
    code: String.raw`import asyncio

async def ask(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"{mirror}: here is the file"

async def fastest(mirrors):
    tasks = [asyncio.create_task(ask(mirror, seconds), name=f"mirror {mirror}") for mirror, seconds in mirrors]
    answers = await asyncio.gather(*tasks)
    return answers[min(range(len(mirrors)), key=lambda i: mirrors[i][1])]
`,
  },
  {
    kind: "leaves the slower requests running",
    fails: "the slower requests are cancelled, and stopped before it returns",
    code: String.raw`import asyncio

async def ask(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"{mirror}: here is the file"

async def fastest(mirrors):
    tasks = [asyncio.create_task(ask(mirror, seconds), name=f"mirror {mirror}") for mirror, seconds in mirrors]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    return next(iter(done)).result()
`,
  },
  {
    kind: "cancels the slower requests but does not wait for them",
    fails: "the slower requests are cancelled, and stopped before it returns",
    code: String.raw`import asyncio

async def ask(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"{mirror}: here is the file"

async def fastest(mirrors):
    tasks = [asyncio.create_task(ask(mirror, seconds), name=f"mirror {mirror}") for mirror, seconds in mirrors]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    return next(iter(done)).result()
`,
  },
] satisfies Fake[];
