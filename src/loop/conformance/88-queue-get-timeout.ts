// A get() abandoned by waitFor's timeout leaves the queue usable: the
// cancelled getter does not swallow a later item.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.Queue<string>();
  try {
    yield* asyncio.waitFor(q.get(), 0.05);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log("get timed out");
  }
  q.putNowait("later item");
  console.log("qsize:", q.qsize());
  console.log("got", yield* q.get());
}

await asyncio.run(main());
