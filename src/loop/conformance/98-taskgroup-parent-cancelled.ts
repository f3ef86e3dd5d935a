// Cancelling the task that runs a task group cancels the children, and the
// block throws CancelledError, not an ExceptionGroup.
import * as asyncio from "asyncio";

function* child(name: string): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } finally {
    console.log(`${name} finally`);
  }
}

function* parent(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.taskGroup(function* (tg) {
      tg.createTask(child("child"));
      yield* asyncio.sleep(10);
    });
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("parent: CancelledError out of the block");
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(parent());
  yield* asyncio.sleep(0.05);
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("main: parent is cancelled");
  }
}

await asyncio.run(main());
