// Cancellation is coro.throw(CancelledError) at the current yield*.
import * as asyncio from "asyncio";

function* f(): asyncio.Coroutine<number | undefined> {
  try {
    while (true) {
      yield* asyncio.sleep(0);
    }
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("I was cancelled!");
    return undefined;
  }
  return 111;
}

const coro = f();
coro.next();
coro.next();
const result = coro.throw(new asyncio.CancelledError());
if (result.done) {
  console.log("StopIteration: f returned", result.value === undefined ? "nothing" : result.value);
}
