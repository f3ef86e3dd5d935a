// join() waits until taskDone() has been called for every item put;
// taskDone() too many times throws ValueError.
import * as asyncio from "asyncio";

function* worker(q: asyncio.Queue<number>): asyncio.Coroutine<never> {
  while (true) {
    const item = yield* q.get();
    yield* asyncio.sleep(0.05);
    console.log("processed", item);
    q.taskDone();
  }
}

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.Queue<number>();
  for (let i = 0; i < 3; i++) {
    q.putNowait(i);
  }
  const task = asyncio.createTask(worker(q));
  yield* q.join();
  console.log("join returned, unfinished work: none");
  task.cancel();
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    console.log("extra task_done: ValueError");
  }
}

await asyncio.run(main());
