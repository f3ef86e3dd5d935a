// getNowait on an empty queue throws QueueEmpty; putNowait on a full one
// throws QueueFull.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.Queue<string>(1);
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof asyncio.QueueEmpty)) throw e;
    console.log("get_nowait: QueueEmpty");
  }
  q.putNowait("only");
  try {
    q.putNowait("one too many");
  } catch (e) {
    if (!(e instanceof asyncio.QueueFull)) throw e;
    console.log("put_nowait: QueueFull");
  }
  console.log("full:", q.full() ? "yes" : "no", "qsize:", q.qsize());
}

await asyncio.run(main());
