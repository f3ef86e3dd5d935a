// toThread: an exception thrown in the thread is thrown by the await (with its class
// name); cancelling the awaiting task cancels at once, while the thread finishes on its
// own; calls run concurrently in the default executor. Functions sent to a thread must
// be self-contained, so the error class is declared inside the function.
import * as asyncio from "asyncio";

function fail(x: number): never {
  class QuotaError extends Error {}
  throw new QuotaError(`over quota by ${x}`);
}

function slow(ms: number): number {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return ms;
}

function* main(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.toThread(fail, 7);
  } catch (e) {
    console.log("caught", (e as Error).name, (e as Error).message);
  }
  const task = asyncio.createTask(asyncio.toThread(slow, 300));
  yield* asyncio.sleep(0.05);
  console.log("cancel:", task.cancel() ? "yes" : "no");
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("task cancelled:", task.cancelled() ? "yes" : "no");
  }
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const results = yield* asyncio.gather(...[0, 1, 2].map(() => asyncio.toThread(slow, 200)));
  console.log("results", results.join(", "), "in parallel:", loop.time() - start < 0.45 ? "yes" : "no");
}

await asyncio.run(main());
