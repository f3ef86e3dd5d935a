// Tasks are named Task-1, Task-2, ... in creation order; run()'s main task is
// the first. Names can be given and changed.
import * as asyncio from "asyncio";

function* noop(): asyncio.Coroutine<void> {}

function* main(): asyncio.Coroutine<void> {
  console.log("main is", asyncio.currentTask()!.getName());
  const a = asyncio.createTask(noop());
  const b = asyncio.createTask(noop());
  const c = asyncio.createTask(noop(), { name: "worker" });
  console.log(a.getName(), b.getName(), c.getName());
  b.setName("renamed");
  console.log("b is now", b.getName());
  yield* asyncio.gather(a, b, c);
}

await asyncio.run(main());
