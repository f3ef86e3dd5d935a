// waitFor returns the result when the awaitable beats the timeout.
import * as asyncio from "asyncio";

function* quick(): asyncio.Coroutine<string> {
  yield* asyncio.sleep(0.05);
  return "in time";
}

function* main(): asyncio.Coroutine<void> {
  console.log(yield* asyncio.waitFor(quick(), 1));
  console.log(yield* asyncio.waitFor(quick(), null));
}

await asyncio.run(main());
