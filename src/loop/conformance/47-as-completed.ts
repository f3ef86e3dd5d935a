// asCompleted yields awaitables in completion order.
import * as asyncio from "asyncio";

function* job(name: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  return name;
}

function* main(): asyncio.Coroutine<void> {
  const aws = [job("third", 0.3), job("first", 0.1), job("second", 0.2)];
  let i = 1;
  for (const nextDone of asyncio.asCompleted(aws)) {
    console.log(i++, yield* nextDone);
  }
}

await asyncio.run(main());
