// isCoroutineFunction tells coroutine functions (function*) from plain ones
// (Python: inspect.iscoroutinefunction).
import * as asyncio from "asyncio";

function* f(): asyncio.Coroutine<number> {
  return 123;
}

function g(): number {
  return 123;
}

for (const fn of [f, g]) {
  const kind = asyncio.isCoroutineFunction(fn) ? "a coroutine function" : "a plain function";
  console.log(`${fn.name} is ${kind}`);
}
