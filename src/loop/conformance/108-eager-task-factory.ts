// Eager tasks run their first step inside createTask(), as the task.
import * as asyncio from "asyncio";

const py = (b: boolean): string => (b ? "True" : "False");
let mainTask: asyncio.Task<unknown> | null = null;

function* quick(name: string): asyncio.Coroutine<string> {
  console.log(`${name}: runs in a task of its own:`, py(asyncio.currentTask() !== mainTask));
  return name.toUpperCase();
}

function* slow(name: string): asyncio.Coroutine<string> {
  console.log(`${name}: first step`);
  yield* asyncio.sleep(0);
  console.log(`${name}: after its wait`);
  return name;
}

function* fails(): asyncio.Coroutine<never> {
  throw new asyncio.ValueError("at once");
}


function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  mainTask = asyncio.currentTask();
  const lazy = asyncio.createTask(quick("lazy"), { name: "lazy" });
  console.log("lazy created, done:", py(lazy.done()));
  yield* lazy;
  loop.setTaskFactory(asyncio.eagerTaskFactory);
  console.log("factory set:", py(loop.getTaskFactory() === asyncio.eagerTaskFactory));
  const q = asyncio.createTask(quick("q"), { name: "q" });
  console.log("q created, done:", py(q.done()), "result:", q.result());
  console.log("current task after is main:", py(asyncio.currentTask() === mainTask));
  const s = asyncio.createTask(slow("s"), { name: "s" });
  console.log("s created, done:", py(s.done()), "in all_tasks:", py(asyncio.allTasks().has(s)));
  console.log("s returned:", yield* s);
  const f = asyncio.createTask(fails());
  console.log("f done:", py(f.done()), "exception:", `ValueError('${(f.exception() as Error).message}')`);
  let t1!: asyncio.Task<string>;
  let t2!: asyncio.Task<string>;
  yield* asyncio.taskGroup(function* (tg) {
    t1 = tg.createTask(slow("g1"));
    t2 = tg.createTask(slow("g2"));
    console.log("group tasks created");
  });
  console.log("group:", t1.result(), t2.result());
}

await asyncio.run(main());
