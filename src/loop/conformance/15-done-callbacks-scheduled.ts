// Done callbacks are scheduled with callSoon when the future finishes, never
// called inline; they run in registration order. A callback added to a future
// that is already done is scheduled too.
import * as asyncio from "asyncio";

function report(name: string) {
  return (fut: asyncio.Future<string>) => {
    console.log(`callback ${name} sees ${fut.result()}`);
  };
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<string>();
  fut.addDoneCallback(report("one"));
  fut.addDoneCallback(report("two"));
  loop.callSoon(console.log, "callback scheduled before set_result");
  fut.setResult("ready");
  console.log("set_result returned");
  fut.addDoneCallback(report("three (added when done)"));
  console.log("added a callback to a done future");
  yield* asyncio.sleep(0);
  console.log("after one loop iteration");
}

await asyncio.run(main());
