// Cancelling a task that awaits another task cancels the awaited one too (the
// cancel goes to whatever the task is waiting on).
import * as asyncio from "asyncio";

function* inner(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("inner cancelled");
    throw e;
  }
}

function* outer(task: asyncio.Task<void>): asyncio.Coroutine<void> {
  try {
    yield* task;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("outer cancelled");
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const innerTask = asyncio.createTask(inner());
  const outerTask = asyncio.createTask(outer(innerTask));
  yield* asyncio.sleep(0.05);
  outerTask.cancel();
  yield* asyncio.gather(outerTask, { returnExceptions: true });
  console.log("inner cancelled:", innerTask.cancelled() ? "yes" : "no");
  console.log("outer cancelled:", outerTask.cancelled() ? "yes" : "no");
}

await asyncio.run(main());
