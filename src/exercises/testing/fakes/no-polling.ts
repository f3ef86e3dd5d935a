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
