// A callback scheduled from inside a callback waits for the next loop
// iteration: it runs after everything that was already in the ready queue.
import * as asyncio from "asyncio";

function outer(loop: asyncio.AbstractEventLoop, name: string): void {
  console.log(`${name} runs`);
  loop.callSoon(console.log, `${name}'s child runs`);
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(outer, loop, "A");
  loop.callSoon(outer, loop, "B");
  loop.callSoon(console.log, "C runs");
  yield* asyncio.sleep(0.05);
  console.log("done");
}

await asyncio.run(main());
