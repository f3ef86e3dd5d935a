// A pool of workers drains a queue; join() waits for the work, then the
// workers are cancelled.
import * as asyncio from "asyncio";

function* worker(name: string, q: asyncio.Queue<number>, log: string[]): asyncio.Coroutine<never> {
  while (true) {
    const delay = yield* q.get();
    yield* asyncio.sleep(delay);
    log.push(`${name}:${delay}`);
    q.taskDone();
  }
}

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.Queue<number>();
  for (const delay of [0.2, 0.05, 0.1, 0.15]) {
    q.putNowait(delay);
  }
  const log: string[] = [];
  const workers = [0, 1].map((i) => asyncio.createTask(worker(`w${i}`, q, log)));
  yield* q.join();
  console.log("log:", log.join(" "));
  for (const w of workers) w.cancel();
  const results = yield* asyncio.gather(...workers, { returnExceptions: true });
  console.log("workers cancelled:", results.filter((r) => r instanceof asyncio.CancelledError).length);
}

await asyncio.run(main());
