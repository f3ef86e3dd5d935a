// toThread runs a blocking, self-contained function in a worker thread and
// awaits its result; the loop keeps serving other tasks meanwhile.
import * as asyncio from "asyncio";

function blockingSum(n: number): number {
  // Block this (worker) thread for 200 ms, as Python's time.sleep(0.2) would.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += i * i;
  return sum;
}

function* ticker(): asyncio.Coroutine<void> {
  for (let i = 0; i < 2; i++) {
    yield* asyncio.sleep(0.05);
    console.log("tick", i);
  }
}

function* main(): asyncio.Coroutine<void> {
  const [result] = yield* asyncio.gather(asyncio.toThread(blockingSum, 10), ticker());
  console.log("sum of squares:", result);
}

await asyncio.run(main());
