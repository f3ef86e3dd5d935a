// removeDoneCallback removes every registration of the callback and returns
// how many there were.
import * as asyncio from "asyncio";

function shout(fut: asyncio.Future<string>): void {
  console.log("shout", fut.result());
}

function whisper(fut: asyncio.Future<string>): void {
  console.log("whisper", fut.result());
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<string>();
  fut.addDoneCallback(shout);
  fut.addDoneCallback(whisper);
  fut.addDoneCallback(shout);
  console.log("removed", fut.removeDoneCallback(shout));
  console.log("removed", fut.removeDoneCallback(shout));
  fut.setResult("hi");
  yield* asyncio.sleep(0);
  console.log("done");
}

await asyncio.run(main());
