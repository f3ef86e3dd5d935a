// wait({ timeout }) returns what is done when time runs out, without throwing
// and without cancelling the rest.
import * as asyncio from "asyncio";

function* job(delay: number): asyncio.Coroutine<number> {
  yield* asyncio.sleep(delay);
  return delay;
}

function* main(): asyncio.Coroutine<void> {
  const tasks = [0.05, 0.3, 0.4].map((d) => asyncio.createTask(job(d)));
  const [done, pending] = yield* asyncio.wait(tasks, { timeout: 0.15 });
  console.log("done:", [...done].map((t) => t.result()).join(", "));
  console.log("pending:", pending.size);
  console.log("any pending cancelled:", [...pending].some((t) => t.cancelled()) ? "yes" : "no");
  for (const t of pending) t.cancel();
  yield* asyncio.gather(...pending, { returnExceptions: true });
  console.log("all cancelled now:", [...pending].every((t) => t.cancelled()) ? "yes" : "no");
}

await asyncio.run(main());
