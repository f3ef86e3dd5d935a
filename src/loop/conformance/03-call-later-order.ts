// Timers fire by deadline, not by the order they were scheduled; callSoon
// callbacks run before any timer.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const done = loop.createFuture<void>();
  loop.callLater(0.3, console.log, "timer 0.3");
  loop.callLater(0.1, console.log, "timer 0.1");
  loop.callLater(0.2, console.log, "timer 0.2");
  loop.callSoon(console.log, "soon");
  loop.callLater(0.4, () => done.setResult(undefined));
  const start = loop.time();
  yield* done;
  console.log(`elapsed ${(loop.time() - start).toFixed(1)}`);
}

await asyncio.run(main());
