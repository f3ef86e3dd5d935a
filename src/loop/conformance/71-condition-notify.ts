// Condition: notify(n) wakes n waiters in FIFO order, notifyAll the rest; a
// woken waiter reacquires the lock before wait() returns.
import * as asyncio from "asyncio";

function* consumer(name: string, cond: asyncio.Condition): asyncio.Coroutine<void> {
  yield* asyncio.asyncWith(cond, function* () {
    console.log(`${name} waiting`);
    yield* cond.wait();
    console.log(`${name} woke`);
  });
}

function* main(): asyncio.Coroutine<void> {
  const cond = new asyncio.Condition();
  const tasks = ["a", "b", "c", "d"].map((n) => asyncio.createTask(consumer(n, cond)));
  yield* asyncio.sleep(0.05);
  yield* asyncio.asyncWith(cond, function* () {
    console.log("notify(1)");
    cond.notify(1);
  });
  yield* asyncio.sleep(0.05);
  yield* asyncio.asyncWith(cond, function* () {
    console.log("notify(2)");
    cond.notify(2);
  });
  yield* asyncio.sleep(0.05);
  yield* asyncio.asyncWith(cond, function* () {
    console.log("notify_all()");
    cond.notifyAll();
  });
  yield* asyncio.gather(...tasks);
  try {
    cond.notify();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    console.log("notify without the lock: RuntimeError");
  }
}

await asyncio.run(main());
