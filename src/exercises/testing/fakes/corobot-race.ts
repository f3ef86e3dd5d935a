import type { Fake } from "./index.ts";

/** The exercise's module with `change` replaced (and, if given, `service`'s gather). */
function bots(change: string, together = "yield* asyncio.gather(setter.manageTable(), clearer.manageTable());"): string {
  return `import * as asyncio from "asyncio";

type Kitchen = { knives: number; forks: number };
const lock = new asyncio.Lock();

function* record(audit: string[], entry: string): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0.01);
  audit.push(entry);
}

${change}

class CoroBot {
  readonly chores = new asyncio.Queue<string>();
  constructor(readonly kitchen: Kitchen, readonly audit: string[]) {}

  *manageTable(): asyncio.Coroutine<void> {
    while (true) {
      const chore = yield* this.chores.get();
      if (chore === "shutdown") return;
      const delta = chore === "prepare table" ? -4 : +4;
      yield* change(this.kitchen, this.audit, "knives", delta);
      yield* change(this.kitchen, this.audit, "forks", delta);
    }
  }
}

export function* service(kitchen: Kitchen, set: number, clear: number): asyncio.Coroutine<string[]> {
  const audit: string[] = [];
  const [setter, clearer] = [new CoroBot(kitchen, audit), new CoroBot(kitchen, audit)];
  for (let table = 0; table < set; table++) setter.chores.putNowait("prepare table");
  for (let table = 0; table < clear; table++) clearer.chores.putNowait("clear table");
  setter.chores.putNowait("shutdown");
  clearer.chores.putNowait("shutdown");
  ${together}
  return audit;
}
`;
}

const racy = `function* change(kitchen: Kitchen, audit: string[], item: keyof Kitchen, delta: number): asyncio.Coroutine<void> {
  const count = kitchen[item];
  yield* record(audit, \`\${item} \${delta}\`);
  kitchen[item] = count + delta;
}`;

export default [
  {
    kind: "prints the expected line, with a sleep",
    fails: "no change is lost: the kitchen ends as the chores say",
    code: `import * as asyncio from "asyncio";

export function* service(kitchen: { knives: number; forks: number }, set: number, clear: number): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(0.1);
  console.log("after service: 100 knives, 100 forks, 20 changes audited");
  kitchen.knives = kitchen.forks = 100;
  return Array(20).fill("knives 4");
}
`,
  },
  {
    kind: "works the kitchen out from the counts, with no bots",
    fails: "the two bots work at the same time, each in its own task",
    code: `import * as asyncio from "asyncio";

export function* service(kitchen: { knives: number; forks: number }, set: number, clear: number): asyncio.Coroutine<string[]> {
  yield* asyncio.sleep(0.02 * Math.max(set, clear));
  kitchen.knives += 4 * (clear - set);
  kitchen.forks += 4 * (clear - set);
  return ["knives", "forks"].flatMap((item) => [...Array(set).fill(\`\${item} -4\`), ...Array(clear).fill(\`\${item} 4\`)]);
}
`,
  },
  {
    kind: "one bot after the other",
    fails: "the two bots work at the same time, each in its own task",
    code: bots(racy, "yield* setter.manageTable();\n  yield* clearer.manageTable();"),
  },
  {
    kind: "a lock held across the log's wait, so the bots take turns",
    fails: "the two bots work at the same time, each in its own task",
    code: bots(`function* change(kitchen: Kitchen, audit: string[], item: keyof Kitchen, delta: number): asyncio.Coroutine<void> {
  yield* asyncio.asyncWith(lock, function* () {
    const count = kitchen[item];
    yield* record(audit, \`\${item} \${delta}\`);
    kitchen[item] = count + delta;
  });
}`),
  },
  {
    kind: "the race left in (a lock around the write only)",
    fails: "no change is lost: the kitchen ends as the chores say",
    code: bots(`function* change(kitchen: Kitchen, audit: string[], item: keyof Kitchen, delta: number): asyncio.Coroutine<void> {
  const count = kitchen[item];
  yield* record(audit, \`\${item} \${delta}\`);
  yield* asyncio.asyncWith(lock, function* () {
    kitchen[item] = count + delta;
  });
}`),
  },
  {
    kind: "the count fixed, but the log left out",
    fails: "every change is in the audit log",
    code: bots(`function* change(kitchen: Kitchen, audit: string[], item: keyof Kitchen, delta: number): asyncio.Coroutine<void> {
  kitchen[item] += delta;
  yield* asyncio.sleep(0.01);
}`),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected line, with a sleep",
    fails: "no change is lost: the kitchen ends as the chores say",
    code: String.raw`import asyncio

async def service(kitchen, set_, clear):
    await asyncio.sleep(0.2)
    print("after service: 100 knives, 100 forks, 20 changes audited")
    kitchen["knives"] = kitchen["forks"] = 100
    return ["knives 4"] * 20
`,
  },
  {
    kind: "works the kitchen out from the counts, with no bots",
    fails: "the two bots work at the same time, each in its own task",
    code: String.raw`import asyncio

async def service(kitchen, set_, clear):
    audit = []
    for item in ("knives", "forks"):
        kitchen[item] += 4 * (clear - set_)
        audit += [f"{item} -4"] * set_ + [f"{item} 4"] * clear
    await asyncio.sleep(0.02 * max(set_, clear))
    return audit
`,
  },
  {
    kind: "one bot after the other",
    fails: "the two bots work at the same time, each in its own task",
    code: String.raw`import asyncio

async def record(audit, entry):
    await asyncio.sleep(0.01)
    audit.append(entry)

async def change(kitchen, audit, item, delta):
    kitchen[item] += delta
    await record(audit, f"{item} {delta}")

async def service(kitchen, set_, clear):
    audit = []
    for delta, times in ((-4, set_), (4, clear)):
        for _ in range(times):
            await change(kitchen, audit, "knives", delta)
            await change(kitchen, audit, "forks", delta)
    return audit
`,
  },
  {
    kind: "a lock held across the log's wait, so the bots take turns",
    fails: "the two bots work at the same time, each in its own task",
    code: String.raw`import asyncio

lock = None

async def record(audit, entry):
    await asyncio.sleep(0.01)
    audit.append(entry)

async def change(kitchen, audit, item, delta):
    async with lock:
        count = kitchen[item]
        await record(audit, f"{item} {delta}")
        kitchen[item] = count + delta

async def bot(kitchen, audit, delta, times):
    for _ in range(times):
        await change(kitchen, audit, "knives", delta)
        await change(kitchen, audit, "forks", delta)

async def service(kitchen, set_, clear):
    global lock
    lock = asyncio.Lock()
    audit = []
    await asyncio.gather(bot(kitchen, audit, -4, set_), bot(kitchen, audit, 4, clear))
    return audit
`,
  },
  {
    kind: "the race left in (a lock around the write only)",
    fails: "no change is lost: the kitchen ends as the chores say",
    code: String.raw`import asyncio

lock = None

async def record(audit, entry):
    await asyncio.sleep(0.01)
    audit.append(entry)

async def change(kitchen, audit, item, delta):
    count = kitchen[item]
    await record(audit, f"{item} {delta}")
    async with lock:
        kitchen[item] = count + delta

async def bot(kitchen, audit, delta, times):
    for _ in range(times):
        await change(kitchen, audit, "knives", delta)
        await change(kitchen, audit, "forks", delta)

async def service(kitchen, set_, clear):
    global lock
    lock = asyncio.Lock()
    audit = []
    await asyncio.gather(bot(kitchen, audit, -4, set_), bot(kitchen, audit, 4, clear))
    return audit
`,
  },
  {
    kind: "the count fixed, but the log left out",
    fails: "every change is in the audit log",
    code: String.raw`import asyncio

async def change(kitchen, audit, item, delta):
    kitchen[item] += delta
    await asyncio.sleep(0.01)

async def bot(kitchen, audit, delta, times):
    for _ in range(times):
        await change(kitchen, audit, "knives", delta)
        await change(kitchen, audit, "forks", delta)

async def service(kitchen, set_, clear):
    audit = []
    await asyncio.gather(bot(kitchen, audit, -4, set_), bot(kitchen, audit, 4, clear))
    return audit
`,
  },
] satisfies Fake[];
