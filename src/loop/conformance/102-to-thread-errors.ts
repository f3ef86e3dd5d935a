// toThread: an exception thrown in the thread is thrown by the await (with its class
// name); cancelling the awaiting task cancels at once, while the thread finishes on its
// own; calls run in parallel in the default executor. Functions sent to a thread must
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

/** A barrier for `parties` calls: returns once all wait at once (only parallel calls can). */
function meet(arrived: Int32Array, parties: number): string {
  Atomics.add(arrived, 0, 1);
  Atomics.notify(arrived, 0);
  const deadline = Date.now() + 5000;
  for (let seen = Atomics.load(arrived, 0); seen < parties; seen = Atomics.load(arrived, 0)) {
    if (Atomics.wait(arrived, 0, seen, deadline - Date.now()) === "timed-out") return "alone";
  }
  return "met";
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
  const arrived = new Int32Array(new SharedArrayBuffer(4));
  const results = yield* asyncio.gather(...[0, 1, 2].map(() => asyncio.toThread(meet, arrived, 3)));
  console.log("three calls at once:", results.join(", "));
}

await asyncio.run(main());
