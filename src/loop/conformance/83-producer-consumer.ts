// A two-stage pipeline: producer -> square -> printer, connected by bounded
// queues and shut down with a sentinel.
import * as asyncio from "asyncio";

const DONE = null;
type Item = number | typeof DONE;

function* producer(out: asyncio.Queue<Item>): asyncio.Coroutine<void> {
  for (let i = 1; i < 5; i++) {
    yield* out.put(i);
    console.log("produced", i);
  }
  yield* out.put(DONE);
}

function* square(inp: asyncio.Queue<Item>, out: asyncio.Queue<Item>): asyncio.Coroutine<void> {
  let item: Item;
  while ((item = yield* inp.get()) !== DONE) {
    yield* asyncio.sleep(0.05);
    yield* out.put(item * item);
  }
  yield* out.put(DONE);
}

function* printer(inp: asyncio.Queue<Item>): asyncio.Coroutine<number> {
  let total = 0;
  let item: Item;
  while ((item = yield* inp.get()) !== DONE) {
    console.log("consumed", item);
    total += item;
  }
  return total;
}

function* main(): asyncio.Coroutine<void> {
  const a = new asyncio.Queue<Item>(1);
  const b = new asyncio.Queue<Item>(1);
  const [, , total] = yield* asyncio.gather(producer(a), square(a, b), printer(b));
  console.log("total", total);
}

await asyncio.run(main());
