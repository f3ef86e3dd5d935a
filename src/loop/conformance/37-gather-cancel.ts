// Cancelling the future returned by gather cancels every child.
import * as asyncio from "asyncio";

function* child(name: string): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log(`${name} cancelled`);
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const group = asyncio.gather(child("a"), child("b"));
  yield* asyncio.sleep(0.05);
  console.log("cancel gather:", group.cancel() ? "yes" : "no");
  try {
    yield* group;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("awaiting gather raised CancelledError");
  }
}

await asyncio.run(main());
