import type { Fake } from "./index.ts";

/** takeOrders over a list, with `bot` as given. */
const listOf = (bot: string) => `import * as asyncio from "asyncio";

${bot}

export function* takeOrders(arrivals: Array<[number, string]>): asyncio.Coroutine<void> {
  const orders: string[] = [];
  const task = asyncio.createTask(bot(orders), { name: "bot" });
  for (const [wait, order] of arrivals) {
    yield* asyncio.sleep(wait);
    orders.push(order);
  }
  orders.push("close");
  yield* task;
}
`;

export default [
  {
    kind: "prints the expected lines, with sleeps",
    fails: "the bot serves every order, in order",
    code: `import * as asyncio from "asyncio";

export function* takeOrders(arrivals: Array<[number, string]>): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0.3);
  console.log("bot serves soup");
  yield* asyncio.sleep(1.4);
  console.log("bot serves bread");
}
`,
  },
  {
    kind: "a dummy task named bot; takeOrders serves the orders itself",
    fails: "the task named bot does the serving",
    code: `import * as asyncio from "asyncio";

function* idle(): asyncio.Coroutine<void> {}

export function* takeOrders(arrivals: Array<[number, string]>): asyncio.Coroutine<void> {
  const task = asyncio.createTask(idle(), { name: "bot" });
  for (const [wait, order] of arrivals) {
    yield* asyncio.sleep(wait);
    console.log(\`bot serves \${order}\`);
  }
  yield* task;
}
`,
  },
  {
    kind: "still polling, twenty times a second",
    fails: "the bot wakes only when there is work",
    code: listOf(`function* bot(orders: string[]): asyncio.Coroutine<void> {
  while (true) {
    while (orders.length === 0) yield* asyncio.sleep(0.05);
    const order = orders.shift()!;
    if (order === "close") return;
    console.log(\`bot serves \${order}\`);
  }
}`),
  },
  {
    kind: "polling seldom, so that it wakes rarely but late",
    fails: "each order is served the moment it comes",
    code: listOf(`function* bot(orders: string[]): asyncio.Coroutine<void> {
  while (true) {
    while (orders.length === 0) yield* asyncio.sleep(1.25);
    const order = orders.shift()!;
    if (order === "close") return;
    console.log(\`bot serves \${order}\`);
  }
}`),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with sleeps",
    fails: "the bot serves every order, in order",
    code: String.raw`import asyncio

async def take_orders(arrivals):
    await asyncio.sleep(0.3)
    print("bot serves soup")
    await asyncio.sleep(1.4)
    print("bot serves bread")
`,
  },
  {
    kind: "a dummy task named bot; take_orders serves the orders itself",
    fails: "the task named bot does the serving",
    code: String.raw`import asyncio

async def idle():
    pass

async def take_orders(arrivals):
    task = asyncio.create_task(idle(), name="bot")
    for wait, order in arrivals:
        await asyncio.sleep(wait)
        print(f"bot serves {order}")
    await task
`,
  },
  {
    kind: "still polling, twenty times a second",
    fails: "the bot wakes only when there is work",
    code: String.raw`import asyncio

async def bot(orders):
    while True:
        while not orders:
            await asyncio.sleep(0.05)
        order = orders.pop(0)
        if order == "close":
            return
        print(f"bot serves {order}")

async def take_orders(arrivals):
    orders = []
    task = asyncio.create_task(bot(orders), name="bot")
    for wait, order in arrivals:
        await asyncio.sleep(wait)
        orders.append(order)
    orders.append("close")
    await task
`,
  },
  {
    kind: "polling seldom, so that it wakes rarely but late",
    fails: "each order is served the moment it comes",
    code: String.raw`import asyncio

async def bot(orders):
    while True:
        while not orders:
            await asyncio.sleep(1.5)
        order = orders.pop(0)
        if order == "close":
            return
        print(f"bot serves {order}")

async def take_orders(arrivals):
    orders = []
    task = asyncio.create_task(bot(orders), name="bot")
    for wait, order in arrivals:
        await asyncio.sleep(wait)
        orders.append(order)
    orders.append("close")
    await task
`,
  },
] satisfies Fake[];
