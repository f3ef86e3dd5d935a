// How many loop iterations an await costs, as seen by a ticker that prints
// once per iteration: a coroutine costs none; a task that returns at once costs
// two (its step, then the waiter's wake-up); a future set by a callSoon
// callback two (the callback, the wake-up); gather one more than a task.
import * as asyncio from "asyncio";

function* ticker(n: number): asyncio.Coroutine<void> {
  for (let i = 0; i < n; i++) {
    console.log("tick", i);
    yield* asyncio.sleep(0);
  }
}

function* immediate(): asyncio.Coroutine<string> {
  return "value";
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const ticks = asyncio.createTask(ticker(12));
  yield* asyncio.sleep(0);

  console.log("awaiting a coroutine");
  yield* immediate();
  console.log("coroutine done");

  console.log("awaiting a new task");
  yield* asyncio.createTask(immediate());
  console.log("task done");

  console.log("awaiting a future set by call_soon");
  const fut = loop.createFuture<void>();
  loop.callSoon(() => fut.setResult(undefined));
  yield* fut;
  console.log("future done");

  console.log("awaiting gather of two coroutines");
  yield* asyncio.gather(immediate(), immediate());
  console.log("gather done");
  yield* ticks;
}

await asyncio.run(main());
