// With maxsize, put() blocks while the queue is full and resumes when a get()
// makes room.
import * as asyncio from "asyncio";

function* producer(q: asyncio.Queue<number>): asyncio.Coroutine<void> {
  for (let i = 0; i < 4; i++) {
    console.log(`putting ${i}`);
    yield* q.put(i);
    console.log(`put ${i} (qsize ${q.qsize()})`);
  }
}

function* consumer(q: asyncio.Queue<number>): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0.05);
  for (let i = 0; i < 4; i++) {
    const item = yield* q.get();
    console.log(`got ${item}`);
    yield* asyncio.sleep(0.05);
  }
}

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.Queue<number>(2);
  yield* asyncio.gather(producer(q), consumer(q));
  console.log("full:", q.full() ? "yes" : "no");
}

await asyncio.run(main());
