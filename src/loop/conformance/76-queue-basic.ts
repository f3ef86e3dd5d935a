// Queue is FIFO; qsize/empty/full describe it; maxsize 0 means unbounded.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.Queue<string>();
  console.log("empty:", yesNo(q.empty()), "full:", yesNo(q.full()));
  for (const item of ["a", "b", "c"]) {
    yield* q.put(item);
  }
  q.putNowait("d");
  console.log("qsize:", q.qsize());
  console.log("got", yield* q.get(), q.getNowait(), yield* q.get(), yield* q.get());
  console.log("empty:", yesNo(q.empty()), "maxsize:", q.maxsize);
}

await asyncio.run(main());
