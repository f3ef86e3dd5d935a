// An exception escaping main rejects the promise run() returns.
import * as asyncio from "asyncio";

class LookupError extends Error {
  override name = "LookupError";
}

function* main(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0);
  throw new LookupError("missing");
}

try {
  await asyncio.run(main());
} catch (e) {
  if (!(e instanceof LookupError)) throw e;
  console.log("run raised", e.name, e.message);
}
