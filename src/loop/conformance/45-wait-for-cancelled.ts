// Cancelling a task that is inside waitFor cancels the awaited task too.
import * as asyncio from "asyncio";

function* inner(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("inner cancelled");
    throw e;
  }
}

function* outer(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.waitFor(inner(), 5);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("outer cancelled");
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(outer());
  yield* asyncio.sleep(0.05);
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("main saw CancelledError");
  }
}

await asyncio.run(main());
