// asCompleted({ timeout }) throws TimeoutError for what is not done in time.
import * as asyncio from "asyncio";

function* job(name: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  return name;
}

function* main(): asyncio.Coroutine<void> {
  const tasks = [asyncio.createTask(job("fast", 0.05)), asyncio.createTask(job("slow", 1))];
  try {
    for (const nextDone of asyncio.asCompleted(tasks, { timeout: 0.2 })) {
      console.log("got", yield* nextDone);
    }
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log("as_completed timed out");
  }
  console.log("slow still pending:", !tasks[1]!.done() ? "yes" : "no");
  tasks[1]!.cancel();
}

await asyncio.run(main());
