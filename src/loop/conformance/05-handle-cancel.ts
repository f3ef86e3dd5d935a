// Cancelled handles and timer handles never run.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const soon = loop.callSoon(console.log, "never printed (soon)");
  const later = loop.callLater(0.05, console.log, "never printed (later)");
  const kept = loop.callLater(0.1, console.log, "kept timer fires");
  console.log("soon cancelled before:", yesNo(soon.cancelled()));
  soon.cancel();
  later.cancel();
  console.log("soon cancelled after:", yesNo(soon.cancelled()));
  console.log("later cancelled:", yesNo(later.cancelled()));
  console.log("kept cancelled:", yesNo(kept.cancelled()));
  yield* asyncio.sleep(0.2);
  console.log("done");
}

await asyncio.run(main());
