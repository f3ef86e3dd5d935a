// Condition.waitFor(predicate) waits until the predicate is true, checking it
// each time the waiter is notified.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const cond = new asyncio.Condition();
  const items: number[] = [];

  function* consumer(): asyncio.Coroutine<void> {
    yield* asyncio.asyncWith(cond, function* () {
      yield* cond.waitFor(() => items.length >= 3);
      console.log("consumer sees", items.length, "items");
    });
  }

  const task = asyncio.createTask(consumer());
  for (let i = 0; i < 4; i++) {
    yield* asyncio.sleep(0.05);
    yield* asyncio.asyncWith(cond, function* () {
      items.push(i);
      console.log("produced", i);
      cond.notifyAll();
    });
  }
  yield* task;
}

await asyncio.run(main());
