// The loop drives a coroutine with next() (Python: send(None)); its return
// value arrives as the value of the { done: true } result (StopIteration.value).
import * as asyncio from "asyncio";

function* f(): asyncio.Coroutine<number> {
  return 123;
}

function* twoSteps(): asyncio.Coroutine<string> {
  console.log("step 1");
  yield* asyncio.sleep(0);
  console.log("step 2");
  return "two";
}

const first = f().next();
if (first.done) {
  console.log("The answer was:", first.value);
}

const coro = twoSteps();
const yielded = coro.next();
console.log("first send yielded", yielded.value === undefined ? "None (a bare yield to the loop)" : yielded.value);
const last = coro.next();
if (last.done) {
  console.log("finished with", last.value);
}
