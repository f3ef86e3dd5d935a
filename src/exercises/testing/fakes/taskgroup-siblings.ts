import type { Fake } from "./index.ts";

const reserve = `import * as asyncio from "asyncio";

type Part = [part: string, seconds: number, available: boolean];

function* reserve(part: string, seconds: number, available: boolean): asyncio.Coroutine<string> {
  console.log(\`\${part}: held\`);
  try {
    yield* asyncio.sleep(seconds);
    if (!available) throw new Error(\`no \${part} left\`);
  } catch (error) {
    console.log(\`\${part}: released\`);
    throw error;
  }
  console.log(\`\${part}: booked\`);
  return part;
}
`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "book returns every part when all are available",
    code: `import * as asyncio from "asyncio";

export function* book(parts: Array<[string, number, boolean]>): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(1);
  for (const line of ["flight: held", "hotel: held", "car: held", "flight: booked", "hotel: released", "car: released"]) console.log(line);
  throw new Error("no hotel left");
}
`,
  },
  {
    kind: "one part after another",
    fails: "every part is booked at once, each in its own task",
    code: `${reserve}
export function* book(parts: Part[]): asyncio.Coroutine<string[]> {
  const booked: string[] = [];
  for (const [part, seconds, available] of parts) booked.push(yield* reserve(part, seconds, available));
  return booked;
}
`,
  },
  {
    kind: "gather: fails at once, the other bookings left running",
    fails: "the bookings still under way are cancelled, and released, before book fails",
    code: `${reserve}
export function* book(parts: Part[]): asyncio.Coroutine<string[]> {
  return yield* asyncio.gather(...parts.map(([part, seconds, available]) => reserve(part, seconds, available)));
}
`,
  },
  {
    kind: "waits for every booking, then fails",
    fails: "book fails as soon as one part does",
    code: `${reserve}
export function* book(parts: Part[]): asyncio.Coroutine<string[]> {
  const outcomes = yield* asyncio.gather(...parts.map(([part, seconds, available]) => reserve(part, seconds, available)), { returnExceptions: true });
  const failure = outcomes.find((outcome) => outcome instanceof Error);
  if (failure) throw failure;
  return outcomes as string[];
}
`,
  },
  {
    kind: "cancels the other bookings but does not wait for them",
    fails: "the bookings still under way are cancelled, and released, before book fails",
    code: `${reserve}
export function* book(parts: Part[]): asyncio.Coroutine<string[]> {
  const tasks = parts.map(([part, seconds, available]) => asyncio.createTask(reserve(part, seconds, available)));
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
    kind: "a task group, but the holds are never released",
    fails: "the bookings still under way are cancelled, and released, before book fails",
    code: `${reserve.replace("console.log(`${part}: released`);", "")}
export function* book(parts: Part[]): asyncio.Coroutine<string[]> {
  const tasks = yield* asyncio.taskGroup(function* (group) {
    return parts.map(([part, seconds, available]) => group.createTask(reserve(part, seconds, available)));
  });
  return tasks.map((task) => task.result());
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "book returns every part when all are available",
    code: String.raw`import asyncio

async def book(parts):
    for part in ("flight", "hotel", "car"):
        print(f"{part}: held")
    await asyncio.sleep(1)
    print("flight: booked")
    print("hotel: released")
    print("car: released")
    raise LookupError("no hotel left")
`,
  },
  {
    kind: "one part after another",
    fails: "every part is booked at once, each in its own task",
    code: String.raw`import asyncio

async def reserve(part, seconds, available):
    print(f"{part}: held")
    try:
        await asyncio.sleep(seconds)
        if not available:
            raise LookupError(f"no {part} left")
    except BaseException:
        print(f"{part}: released")
        raise
    print(f"{part}: booked")
    return part

async def book(parts):
    return [await reserve(part, seconds, available) for part, seconds, available in parts]
`,
  },
  {
    kind: "gather: fails at once, the other bookings left running",
    fails: "the bookings still under way are cancelled, and released, before book fails",
    code: String.raw`import asyncio

async def reserve(part, seconds, available):
    print(f"{part}: held")
    try:
        await asyncio.sleep(seconds)
        if not available:
            raise LookupError(f"no {part} left")
    except BaseException:
        print(f"{part}: released")
        raise
    print(f"{part}: booked")
    return part

async def book(parts):
    return await asyncio.gather(*(reserve(part, seconds, available) for part, seconds, available in parts))
`,
  },
  {
    kind: "waits for every booking, then fails",
    fails: "book fails as soon as one part does",
    code: String.raw`import asyncio

async def reserve(part, seconds, available):
    print(f"{part}: held")
    try:
        await asyncio.sleep(seconds)
        if not available:
            raise LookupError(f"no {part} left")
    except BaseException:
        print(f"{part}: released")
        raise
    print(f"{part}: booked")
    return part

async def book(parts):
    outcomes = await asyncio.gather(*(reserve(part, seconds, available) for part, seconds, available in parts), return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, Exception):
            raise outcome
    return outcomes
`,
  },
  {
    kind: "cancels the other bookings but does not wait for them",
    fails: "the bookings still under way are cancelled, and released, before book fails",
    code: String.raw`import asyncio

async def reserve(part, seconds, available):
    print(f"{part}: held")
    try:
        await asyncio.sleep(seconds)
        if not available:
            raise LookupError(f"no {part} left")
    except BaseException:
        print(f"{part}: released")
        raise
    print(f"{part}: booked")
    return part

async def book(parts):
    tasks = [asyncio.create_task(reserve(part, seconds, available)) for part, seconds, available in parts]
    try:
        return await asyncio.gather(*tasks)
    except LookupError:
        for task in tasks:
            task.cancel()
        raise
`,
  },
  {
    kind: "a task group, but the holds are never released",
    fails: "the bookings still under way are cancelled, and released, before book fails",
    code: String.raw`import asyncio

async def reserve(part, seconds, available):
    print(f"{part}: held")
    await asyncio.sleep(seconds)
    if not available:
        raise LookupError(f"no {part} left")
    print(f"{part}: booked")
    return part

async def book(parts):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(reserve(part, seconds, available)) for part, seconds, available in parts]
    return [task.result() for task in tasks]
`,
  },
] satisfies Fake[];
