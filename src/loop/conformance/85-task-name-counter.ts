// In CPython 3.11 and 3.12, create_task(coro, name=...) still draws a number
// from the Task-N counter (the task is created, then renamed), so the next
// unnamed task skips one. (3.13 no longer does.)
import * as asyncio from "asyncio";

function* noop(): asyncio.Coroutine<void> {}

function* main(): asyncio.Coroutine<void> {
  const a = asyncio.createTask(noop());
  const b = asyncio.createTask(noop(), { name: "named" });
  const c = asyncio.createTask(noop());
  console.log(a.getName(), b.getName(), c.getName());
  yield* asyncio.gather(a, b, c);
}

await asyncio.run(main());
