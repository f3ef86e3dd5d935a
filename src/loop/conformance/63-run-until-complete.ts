// A hand-made loop: runUntilComplete resolves to the coroutine's result and
// the loop is not running afterwards.
import * as asyncio from "asyncio";

function* answer(): asyncio.Coroutine<number> {
  yield* asyncio.sleep(0.05);
  return 42;
}

const loop = asyncio.newEventLoop();
console.log("running before:", loop.isRunning() ? "yes" : "no");
console.log("result:", await loop.runUntilComplete(answer()));
console.log("running after:", loop.isRunning() ? "yes" : "no");
const fut = loop.createFuture<string>();
loop.callSoon(() => fut.setResult("from a callback"));
console.log("future:", await loop.runUntilComplete(fut));
loop.close();
