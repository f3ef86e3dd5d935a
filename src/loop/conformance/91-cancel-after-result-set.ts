// A task whose awaited future got its result, but which has not resumed yet,
// can still be cancelled: cancel() returns true and the CancelledError wins
// over the result.
import * as asyncio from "asyncio";

function* waiter(fut: asyncio.Future<string>): asyncio.Coroutine<void> {
  try {
    const value = yield* fut;
    console.log("waiter got", value);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("waiter cancelled although the future had a result");
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const fut = asyncio.getRunningLoop().createFuture<string>();
  const task = asyncio.createTask(waiter(fut));
  yield* asyncio.sleep(0);
  fut.setResult("too late");
  console.log("cancel:", task.cancel() ? "yes" : "no");
  yield* asyncio.gather(task, { returnExceptions: true });
  console.log("task cancelled:", task.cancelled() ? "yes" : "no");
}

await asyncio.run(main());
