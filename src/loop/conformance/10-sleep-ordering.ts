// Sleepers wake by deadline: shortest first, whatever the creation order.
import * as asyncio from "asyncio";

function* nap(seconds: number, start: number): asyncio.Coroutine<void> {
  yield* asyncio.sleep(seconds);
  const loop = asyncio.getRunningLoop();
  console.log(`woke after ${seconds} (t=${(loop.time() - start).toFixed(1)})`);
}

function* main(): asyncio.Coroutine<void> {
  const start = asyncio.getRunningLoop().time();
  yield* asyncio.gather(nap(0.3, start), nap(0.1, start), nap(0.2, start));
  console.log("done");
}

await asyncio.run(main());
