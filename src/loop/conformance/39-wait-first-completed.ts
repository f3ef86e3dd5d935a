// wait(FIRST_COMPLETED) returns as soon as one task is done; the others stay
// pending and keep running.
import * as asyncio from "asyncio";

function* job(name: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  return name;
}

const names = (tasks: Set<asyncio.Future<string>>) => [...tasks].map((t) => t.result()).sort().join(", ");

function* main(): asyncio.Coroutine<void> {
  const tasks = [
    asyncio.createTask(job("slow", 0.2)),
    asyncio.createTask(job("fast", 0.05)),
    asyncio.createTask(job("mid", 0.1)),
  ];
  let [done, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
  console.log("done:", names(done));
  console.log("pending:", pending.size);
  [done, pending] = yield* asyncio.wait(pending);
  console.log("then done:", names(done));
  console.log("pending:", pending.size);
}

await asyncio.run(main());
