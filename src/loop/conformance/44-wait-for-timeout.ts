// On timeout, waitFor cancels the inner task, waits for it to finish its
// cleanup, then throws TimeoutError.
import * as asyncio from "asyncio";

function* slow(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      console.log("slow: cancelled, cleaning up");
      yield* asyncio.sleep(0.1);
      console.log("slow: cleanup done");
    }
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  try {
    yield* asyncio.waitFor(slow(), 0.1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log(`main: TimeoutError after ${(loop.time() - start).toFixed(1)}s`);
  }
}

await asyncio.run(main());
