// With returnExceptions: true, failures are returned in place, in argument
// order, and every child runs to completion.
import * as asyncio from "asyncio";

function* ok(value: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  return value;
}

function* fail(message: string, delay: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(delay);
  throw new asyncio.ValueError(message);
}

function* main(): asyncio.Coroutine<void> {
  const results = yield* asyncio.gather(ok("a", 0.1), fail("b failed", 0.05), ok("c", 0.15), {
    returnExceptions: true,
  });
  for (const r of results) {
    if (r instanceof Error) {
      console.log("error:", r.name, r.message);
    } else {
      console.log("value:", r);
    }
  }
}

await asyncio.run(main());
