// Outside a running loop, getRunningLoop() throws RuntimeError.
import * as asyncio from "asyncio";

try {
  asyncio.getRunningLoop();
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  console.log("outside: RuntimeError");
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  console.log(loop.isRunning() ? "inside: running" : "inside: not running");
}

await asyncio.run(main());
