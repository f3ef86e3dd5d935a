import type { Fake } from "./index.ts";

const download = `import * as asyncio from "asyncio";

export function* download(name: string, seconds: number): asyncio.Coroutine<string> {
  console.log(\`\${name}: start\`);
  yield* asyncio.sleep(seconds);
  console.log(\`\${name}: done\`);
  return \`\${name}.txt\`;
}
`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns the files, in the order of the names",
    code: `import * as asyncio from "asyncio";

export function* fetchAll(names: string[], seconds: number): asyncio.Coroutine<string[]> {
  for (const name of ["a", "b", "c"]) console.log(\`\${name}: start\`);
  yield* asyncio.sleep(1);
  for (const name of ["a", "b", "c"]) console.log(\`\${name}: done\`);
  return ["a.txt", "b.txt", "c.txt"];
}
`,
  },
  {
    kind: "prints the lines for the given names, with one sleep in fetchAll",
    fails: "the downloads wait at once, each in its own task",
    code: `import * as asyncio from "asyncio";

export function* fetchAll(names: string[], seconds: number): asyncio.Coroutine<string[]> {
  for (const name of names) console.log(\`\${name}: start\`);
  yield* asyncio.sleep(seconds);
  for (const name of names) console.log(\`\${name}: done\`);
  return names.map((name) => \`\${name}.txt\`);
}
`,
  },
  {
    kind: "dummy tasks with the downloads' names, doing none of the work",
    fails: "the downloads wait at once, each in its own task",
    code: `import * as asyncio from "asyncio";

function* nothing(): asyncio.Coroutine<void> {}

export function* fetchAll(names: string[], seconds: number): asyncio.Coroutine<string[]> {
  const tasks = names.map((name) => asyncio.createTask(nothing(), { name }));
  for (const name of names) console.log(\`\${name}: start\`);
  yield* asyncio.sleep(seconds);
  for (const name of names) console.log(\`\${name}: done\`);
  yield* asyncio.gather(...tasks);
  return names.map((name) => \`\${name}.txt\`);
}
`,
  },
  {
    kind: "one after another",
    fails: "the downloads wait at once, each in its own task",
    code: `${download}
export function* fetchAll(names: string[], seconds: number): asyncio.Coroutine<string[]> {
  const files: string[] = [];
  for (const name of names) files.push(yield* download(name, seconds));
  return files;
}
`,
  },
  {
    kind: "one task after another",
    fails: "the downloads wait at once, each in its own task",
    code: `${download}
export function* fetchAll(names: string[], seconds: number): asyncio.Coroutine<string[]> {
  const files: string[] = [];
  for (const name of names) files.push(yield* asyncio.createTask(download(name, seconds), { name }));
  return files;
}
`,
  },
  {
    kind: "all at once, but the files in reverse order",
    fails: "it returns the files, in the order of the names",
    code: `${download}
export function* fetchAll(names: string[], seconds: number): asyncio.Coroutine<string[]> {
  const files = yield* asyncio.gather(...names.map((name) => download(name, seconds)));
  return files.reverse();
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "it returns the files, in the order of the names",
    code: String.raw`import asyncio

async def fetch_all(names, seconds):
    for name in ["a", "b", "c"]:
        print(f"{name}: start")
    await asyncio.sleep(1)
    for name in ["a", "b", "c"]:
        print(f"{name}: done")
    return ["a.txt", "b.txt", "c.txt"]
`,
  },
  {
    kind: "prints the lines for the given names, with one sleep in fetch_all",
    fails: "the downloads wait at once, each in its own task",
    code: String.raw`import asyncio

async def fetch_all(names, seconds):
    for name in names:
        print(f"{name}: start")
    await asyncio.sleep(seconds)
    for name in names:
        print(f"{name}: done")
    return [f"{name}.txt" for name in names]
`,
  },
  {
    kind: "dummy tasks with the downloads' names, doing none of the work",
    fails: "the downloads wait at once, each in its own task",
    code: String.raw`import asyncio

async def nothing():
    pass

async def fetch_all(names, seconds):
    tasks = [asyncio.create_task(nothing(), name=name) for name in names]
    for name in names:
        print(f"{name}: start")
    await asyncio.sleep(seconds)
    for name in names:
        print(f"{name}: done")
    await asyncio.gather(*tasks)
    return [f"{name}.txt" for name in names]
`,
  },
  {
    kind: "one after another",
    fails: "the downloads wait at once, each in its own task",
    code: String.raw`import asyncio

async def download(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return f"{name}.txt"

async def fetch_all(names, seconds):
    return [await download(name, seconds) for name in names]
`,
  },
  {
    kind: "one task after another",
    fails: "the downloads wait at once, each in its own task",
    code: String.raw`import asyncio

async def download(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return f"{name}.txt"

async def fetch_all(names, seconds):
    return [await asyncio.create_task(download(name, seconds), name=name) for name in names]
`,
  },
  {
    kind: "all at once, but the files in reverse",
    fails: "it returns the files, in the order of the names",
    code: String.raw`import asyncio

async def download(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return f"{name}.txt"

async def fetch_all(names, seconds):
    files = await asyncio.gather(*(download(name, seconds) for name in names))
    return files[::-1]
`,
  },
] satisfies Fake[];
