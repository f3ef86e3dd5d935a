// A Future's states: pending, then finished with a result. result() before
// done and a second setResult both throw InvalidStateError.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<number>();
  console.log("bound to the running loop:", yesNo(fut.getLoop() === loop));
  console.log("done:", yesNo(fut.done()));
  try {
    fut.result();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    console.log("result() while pending: InvalidStateError");
  }
  try {
    fut.exception();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    console.log("exception() while pending: InvalidStateError");
  }
  fut.setResult(42);
  console.log("done:", yesNo(fut.done()));
  console.log("result:", fut.result());
  console.log("exception:", fut.exception() == null ? "none" : "some");
  try {
    fut.setResult(43);
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    console.log("second set_result: InvalidStateError");
  }
  try {
    fut.setException(new asyncio.ValueError("late"));
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    console.log("set_exception after result: InvalidStateError");
  }
  console.log("cancel() on a done future:", yesNo(fut.cancel()));
  console.log("result still:", yield* fut);
}

await asyncio.run(main());
