// reschedule() moves the deadline: later to allow more time, or earlier.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  yield* asyncio.timeout(0.05, function* (cm) {
    cm.reschedule(loop.time() + 0.2);
    console.log(`deadline moved to +${(cm.when()! - start).toFixed(1)}s`);
    yield* asyncio.sleep(0.1);
    console.log("survived past the original deadline");
  });
  try {
    yield* asyncio.timeout(null, function* (cm) {
      cm.reschedule(loop.time() + 0.1);
      yield* asyncio.sleep(10);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log(`rescheduled timeout fired at ${(loop.time() - start).toFixed(1)}s`);
  }
}

await asyncio.run(main());
