// Children that fail in the same loop iteration are all collected, in the
// order they finished; the ExceptionGroup carries asyncio's message.
import * as asyncio from "asyncio";

class KeyError extends Error {
  override name = "KeyError";
}

function* fail(exc: Error): asyncio.Coroutine<never> {
  throw exc;
}

function* main(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.taskGroup(function* (tg) {
      tg.createTask(fail(new asyncio.ValueError("first")));
      tg.createTask(fail(new KeyError("second")));
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    console.log("message:", eg.message);
    for (const e of eg.exceptions as Error[]) {
      console.log(" ", e.name);
    }
  }
}

await asyncio.run(main());
