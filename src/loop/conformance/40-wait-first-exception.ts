// wait(FIRST_EXCEPTION) returns when a task throws; wait itself never throws
// the task's exception.
import * as asyncio from "asyncio";

function* job(name: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  return name;
}

function* boom(delay: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(delay);
  throw new asyncio.RuntimeError("boom");
}

function* main(): asyncio.Coroutine<void> {
  const tasks: asyncio.Task<string>[] = [
    asyncio.createTask(job("quick", 0.05)),
    asyncio.createTask(boom(0.1)),
    asyncio.createTask(job("slow", 0.3)),
  ];
  const [done, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_EXCEPTION });
  console.log("done:", done.size, "pending:", pending.size);
  for (const t of tasks) {
    if (done.has(t)) {
      const exc = t.exception() as Error | null;
      console.log(" ", exc ? `raised ${exc.message}` : `returned ${t.result()}`);
    }
  }
  for (const t of pending) t.cancel();
  yield* asyncio.wait(pending);
  console.log("slow cancelled:", tasks[2]!.cancelled() ? "yes" : "no");
}

await asyncio.run(main());
