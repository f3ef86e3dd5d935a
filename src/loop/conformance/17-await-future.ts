// A task awaiting a Future suspends until a callback sets its result.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<string>();
  loop.callLater(0.1, () => fut.setResult("from the timer"));
  console.log("waiting");
  const value = yield* fut;
  console.log("got", value);
}

await asyncio.run(main());
