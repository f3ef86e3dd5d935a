// sleep(delay, result) returns result; sleep(0) returns undefined (None).
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const value = yield* asyncio.sleep(0.05, "payload");
  console.log("sleep returned", value);
  const nothing = yield* asyncio.sleep(0);
  console.log(nothing === undefined ? "sleep(0) returned None" : "sleep(0) returned a value");
}

await asyncio.run(main());
