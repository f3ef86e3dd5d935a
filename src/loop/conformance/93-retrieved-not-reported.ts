// Exceptions that were retrieved (awaited, gathered, or read with
// exception()) and cancelled tasks are not reported: stderr stays empty.
import * as asyncio from "asyncio";

function* fails(n: number): asyncio.Coroutine<never> {
  throw new asyncio.ValueError(`failure ${n}`);
}

function* main(): asyncio.Coroutine<void> {
  const awaited = asyncio.createTask(fails(1));
  const gathered = asyncio.createTask(fails(2));
  const inspected = asyncio.createTask(fails(3));
  const cancelled = asyncio.createTask(asyncio.sleep(10));
  try {
    yield* awaited;
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    console.log("awaited:", e.message);
  }
  const results = yield* asyncio.gather(gathered, { returnExceptions: true });
  console.log("gathered:", (results[0] as Error).message);
  yield* asyncio.sleep(0);
  console.log("inspected:", (inspected.exception() as Error).message);
  cancelled.cancel();
  yield* asyncio.sleep(0);
  console.log("cancelled:", cancelled.cancelled() ? "yes" : "no");
}

await asyncio.run(main());
