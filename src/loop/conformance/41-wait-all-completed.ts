// wait() defaults to ALL_COMPLETED; failures stay inside the done tasks.
import * as asyncio from "asyncio";

class KeyError extends Error {
  override name = "KeyError";
}

function* job(name: string, delay: number, fail = false): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  if (fail) throw new KeyError(name);
  return name;
}

function* main(): asyncio.Coroutine<void> {
  const tasks = [
    asyncio.createTask(job("x", 0.1)),
    asyncio.createTask(job("y", 0.05, true)),
    asyncio.createTask(job("z", 0.15)),
  ];
  const [done, pending] = yield* asyncio.wait(tasks);
  console.log("done:", done.size, "pending:", pending.size);
  for (const t of tasks) {
    const exc = t.exception() as Error | null;
    if (exc != null) {
      console.log("failed:", exc.name);
    } else {
      console.log("ok:", t.result());
    }
  }
}

await asyncio.run(main());
