// The report of an exception escaping a callback: its message names the callback and
// its arguments, its context holds the handle. CPython adds where the function was
// defined (" at FILE:LINE"), which JavaScript cannot know: the twin strips it.
import * as asyncio from "asyncio";

function bad(_n: number, _label: string): void {
  throw new asyncio.ValueError("cb boom");
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.setExceptionHandler((_loop, context) => {
    const exc = context.exception as Error;
    console.log("message:", context.message);
    console.log("handle:", String(context.handle));
    console.log("exception:", exc.name, exc.message);
    console.log("keys:", Object.keys(context).sort().join(", "));
  });
  loop.callSoon(bad, 1, "one");
  yield* asyncio.sleep(0.05);
  console.log("main done");
}

await asyncio.run(main());
