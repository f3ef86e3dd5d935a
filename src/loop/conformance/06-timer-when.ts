// callLater(delay) is callAt(loop.time() + delay); TimerHandle.when() tells
// the deadline.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const now = loop.time();
  const handle = loop.callLater(0.5, console.log, "unused");
  console.log(`deadline in ${(handle.when() - now).toFixed(1)}s`);
  const at = loop.callAt(now + 0.1, console.log, "call_at fired");
  console.log(`call_at deadline in ${(at.when() - now).toFixed(1)}s`);
  handle.cancel();
  yield* asyncio.sleep(0.2);
  console.log("done");
}

await asyncio.run(main());
