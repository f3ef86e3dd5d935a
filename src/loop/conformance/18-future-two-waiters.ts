// Two tasks awaiting the same Future wake in the order they started waiting
// (the order their wake-up callbacks were registered).
import * as asyncio from "asyncio";

function* waiter(name: string, fut: asyncio.Future<string>): asyncio.Coroutine<void> {
  console.log(`${name} waits`);
  const value = yield* fut;
  console.log(`${name} got ${value}`);
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<string>();
  const first = asyncio.createTask(waiter("first", fut));
  const second = asyncio.createTask(waiter("second", fut));
  yield* asyncio.sleep(0);
  fut.setResult("shared");
  console.log("result set");
  yield* asyncio.gather(first, second);
}

await asyncio.run(main());
