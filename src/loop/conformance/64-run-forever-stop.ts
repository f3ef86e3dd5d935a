// runForever runs callbacks until stop(); stop() lets the current iteration
// finish, so callbacks queued during it run only on the next run.
import * as asyncio from "asyncio";

const loop = asyncio.newEventLoop();

function tick(n: number): void {
  console.log("tick", n);
  if (n < 3) {
    loop.callLater(0.05, tick, n + 1);
  } else {
    loop.stop();
    loop.callSoon(console.log, "scheduled after stop: not run in this iteration");
  }
}

loop.callSoon(tick, 1);
await loop.runForever();
console.log("run_forever returned");
await loop.runUntilComplete(asyncio.sleep(0));
loop.close();
