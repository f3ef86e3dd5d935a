// callSoon callbacks run in FIFO order, with their positional arguments.
import * as asyncio from "asyncio";

function greet(who: string, punctuation: string): void {
  console.log(`hello ${who}${punctuation}`);
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(greet, "first", "!");
  loop.callSoon(greet, "second", "?");
  loop.callSoon(console.log, "third", "with", "three args");
  console.log("scheduled three callbacks");
  yield* asyncio.sleep(0);
  console.log("main resumed");
}

await asyncio.run(main());
