// timeout(): when the deadline passes, the body is cancelled and the block
// throws TimeoutError; expired() reports it.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  let cm!: asyncio.Timeout;
  try {
    yield* asyncio.timeout(0.1, function* (timeout) {
      cm = timeout;
      try {
        yield* asyncio.sleep(10);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) console.log("body cancelled");
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log(`TimeoutError after ${(loop.time() - start).toFixed(1)}s`);
  }
  console.log("expired:", cm.expired() ? "yes" : "no");
  console.log("main task cancelling():", asyncio.currentTask()!.cancelling());
}

await asyncio.run(main());
