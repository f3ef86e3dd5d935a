// Barrier(3): the first two parties wait for the third; all three pass
// together, and the barrier can be reused.
import * as asyncio from "asyncio";

function* party(name: string, barrier: asyncio.Barrier, delay: number): asyncio.Coroutine<void> {
  yield* asyncio.sleep(delay);
  console.log(`${name} arrives (${barrier.nWaiting} already waiting)`);
  yield* barrier.wait();
  console.log(`${name} passes`);
}

function* main(): asyncio.Coroutine<void> {
  const barrier = new asyncio.Barrier(3);
  for (const round of [1, 2]) {
    console.log("round", round);
    yield* asyncio.gather(party("a", barrier, 0.05), party("b", barrier, 0.1), party("c", barrier, 0.15));
  }
  console.log("parties:", barrier.parties, "waiting:", barrier.nWaiting);
}

await asyncio.run(main());
