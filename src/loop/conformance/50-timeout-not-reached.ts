// A body that finishes before the deadline is unaffected, and timeout(null)
// never expires.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  let cm!: asyncio.Timeout;
  yield* asyncio.timeout(0.2, function* (timeout) {
    cm = timeout;
    yield* asyncio.sleep(0.05);
    console.log("body finished in time");
  });
  console.log("expired:", cm.expired() ? "yes" : "no");
  yield* asyncio.timeout(null, function* (timeout) {
    cm = timeout;
    console.log("no deadline:", timeout.when() === null ? "yes" : "no");
    yield* asyncio.sleep(0.05);
  });
  console.log("expired:", cm.expired() ? "yes" : "no");
}

await asyncio.run(main());
