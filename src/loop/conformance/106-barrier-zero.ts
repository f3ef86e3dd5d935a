// A barrier needs at least one party.
import * as asyncio from "asyncio";

for (const parties of [0, -1]) {
  try {
    new asyncio.Barrier(parties);
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    console.log(`Barrier(${parties}): ValueError:`, e.message);
  }
}
console.log("Barrier(1) parties:", new asyncio.Barrier(1).parties);
