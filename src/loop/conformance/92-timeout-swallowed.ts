// If the body swallows the cancellation that timeout() sent, the block ends
// normally: no TimeoutError, but expired() is still true.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  let cm!: asyncio.Timeout;
  yield* asyncio.timeout(0.05, function* (timeout) {
    cm = timeout;
    try {
      yield* asyncio.sleep(10);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      console.log("body swallowed the cancellation");
    }
  });
  console.log("no TimeoutError; expired:", cm.expired() ? "yes" : "no");
  console.log("cancelling():", asyncio.currentTask()!.cancelling());
}

await asyncio.run(main());
