// Cancelling a Future: cancel() returns true once, then the Future is done
// and cancelled; result() and exception() throw CancelledError with the
// message.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<number>();
  console.log("first cancel:", yesNo(fut.cancel("no longer needed")));
  console.log("second cancel:", yesNo(fut.cancel()));
  console.log("done:", yesNo(fut.done()));
  console.log("cancelled:", yesNo(fut.cancelled()));
  try {
    fut.result();
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("result() raised CancelledError:", e.message);
  }
  try {
    fut.exception();
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("exception() raised CancelledError:", e.message);
  }
  try {
    fut.setResult(1);
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    console.log("set_result after cancel: InvalidStateError");
  }
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("await raised CancelledError:", e.message);
  }
}

await asyncio.run(main());
