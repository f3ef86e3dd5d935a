// gather() with no arguments returns an empty array; it accepts futures and
// tasks as well as coroutines.
import * as asyncio from "asyncio";

function* coro(): asyncio.Coroutine<string> {
  return "coro";
}

function* main(): asyncio.Coroutine<void> {
  console.log("empty gather:", (yield* asyncio.gather()).length);
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<string>();
  loop.callLater(0.05, () => fut.setResult("future"));
  const task = asyncio.createTask(coro());
  console.log((yield* asyncio.gather(fut, task, coro())).join(", "));
}

await asyncio.run(main());
