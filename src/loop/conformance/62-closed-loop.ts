// A closed loop refuses new work with RuntimeError; closing twice is fine.
import * as asyncio from "asyncio";

function* work(): asyncio.Coroutine<number> {
  return 1;
}

const loop = asyncio.newEventLoop();
console.log("closed:", loop.isClosed() ? "yes" : "no");
loop.close();
console.log("closed:", loop.isClosed() ? "yes" : "no");
loop.close();
try {
  loop.callSoon(console.log, "never");
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  console.log("call_soon: RuntimeError");
}
try {
  loop.callLater(1, console.log, "never");
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  console.log("call_later: RuntimeError");
}
const coro = work();
try {
  await loop.runUntilComplete(coro);
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  console.log("run_until_complete: RuntimeError");
} finally {
  coro.return(undefined as never);
}
