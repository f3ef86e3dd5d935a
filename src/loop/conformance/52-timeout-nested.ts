// Nested timeouts: the inner one expiring throws TimeoutError inside the
// outer block, which can carry on; the outer one expiring is the outer's.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  let outer!: asyncio.Timeout;
  let inner!: asyncio.Timeout;
  let inner2!: asyncio.Timeout;
  try {
    yield* asyncio.timeout(0.3, function* (cm) {
      outer = cm;
      try {
        yield* asyncio.timeout(0.1, function* (cm) {
          inner = cm;
          yield* asyncio.sleep(10);
        });
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        console.log(`inner expired at ${(loop.time() - start).toFixed(1)}s`);
      }
      console.log("inner expired:", yesNo(inner.expired()));
      console.log("outer expired:", yesNo(outer.expired()));
      yield* asyncio.timeout(10, function* (cm) {
        inner2 = cm;
        yield* asyncio.sleep(10);
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log(`outer expired at ${(loop.time() - start).toFixed(1)}s`);
  }
  console.log("inner2 expired:", yesNo(inner2.expired()));
  console.log("outer expired:", yesNo(outer.expired()));
}

await asyncio.run(main());
