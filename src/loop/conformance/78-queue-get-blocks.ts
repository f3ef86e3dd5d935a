// get() on an empty queue blocks; getters are served in FIFO order.
import * as asyncio from "asyncio";

function* getter(name: string, q: asyncio.Queue<string>): asyncio.Coroutine<void> {
  console.log(`${name} waiting`);
  const item = yield* q.get();
  console.log(`${name} got ${item}`);
}

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.Queue<string>();
  const tasks = ["g1", "g2", "g3"].map((n) => asyncio.createTask(getter(n, q)));
  yield* asyncio.sleep(0.05);
  for (const item of ["x", "y", "z"]) {
    q.putNowait(item);
  }
  console.log("put three items");
  yield* asyncio.gather(...tasks);
}

await asyncio.run(main());
