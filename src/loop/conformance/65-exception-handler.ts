// An exception escaping a callback goes to the loop's exception handler with
// a context object; the loop keeps running.
import * as asyncio from "asyncio";

class ZeroDivisionError extends Error {
  override name = "ZeroDivisionError";
}

function broken(): void {
  throw new ZeroDivisionError("division by zero");
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.setExceptionHandler((_loop, context) => {
    const exc = context.exception as Error;
    console.log("handler:", context.message.split(" ").slice(0, 3).join(" "), "-", exc.name, exc.message);
  });
  loop.callSoon(broken);
  loop.callSoon(console.log, "next callback still runs");
  yield* asyncio.sleep(0.05);
  console.log("main done");
}

await asyncio.run(main());
