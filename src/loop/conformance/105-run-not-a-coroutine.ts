// asyncio.run() given something that is not a coroutine raises ValueError; create_task()
// given one raises TypeError. (Reprs of functions hold addresses: print the start.)
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<string> {
  return "ran";
}

const firstWords = (e: Error): string => e.message.split(" got ")[0]!;

try {
  asyncio.run(main as never);
} catch (e) {
  if (!(e instanceof asyncio.ValueError)) throw e;
  console.log("run(main): ValueError:", firstWords(e));
}
try {
  asyncio.run(42 as never);
} catch (e) {
  if (!(e instanceof asyncio.ValueError)) throw e;
  console.log("run(42): ValueError:", e.message);
}

function* outer(): asyncio.Coroutine<string> {
  try {
    asyncio.createTask(main as never);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("create_task(main): TypeError:", firstWords(e));
  }
  return yield* main();
}

console.log(await asyncio.run(outer()));
