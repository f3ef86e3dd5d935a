// Cancellation unwinds nested yield*s: each frame's finally runs, innermost
// first.
import * as asyncio from "asyncio";

function* inner(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } finally {
    console.log("inner finally");
  }
}

function* middle(): asyncio.Coroutine<void> {
  try {
    yield* inner();
  } finally {
    console.log("middle finally");
  }
}

function* outer(): asyncio.Coroutine<void> {
  try {
    yield* middle();
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("outer caught CancelledError");
    throw e;
  } finally {
    console.log("outer finally");
  }
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(outer());
  yield* asyncio.sleep(0.05);
  task.cancel();
  yield* asyncio.gather(task, { returnExceptions: true });
  console.log("task cancelled:", task.cancelled() ? "yes" : "no");
}

await asyncio.run(main());
