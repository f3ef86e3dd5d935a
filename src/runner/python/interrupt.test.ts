import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { interruptView } from "./interrupt.ts";

describe("interruptView", () => {
  it("keeps a signal written between the check's read and its clear", () => {
    const buffer = new Int32Array(new SharedArrayBuffer(4));
    const view = interruptView(buffer);
    expect(view[0]).toBe(0); // the check reads: nothing yet
    Atomics.store(buffer, 0, 15); // Stop, from the page's thread
    view[0] = 0; // the check clears what it read
    expect(Atomics.load(buffer, 0)).toBe(15);
    expect(view[0]).toBe(15); // the next check sees it
    view[0] = 0;
    expect(Atomics.load(buffer, 0)).toBe(0); // and takes it
  });

  it("loses no Stop of a busy Python loop, in 2,000 written from another thread", { timeout: 120_000 }, async () => {
    const script = fileURLToPath(new URL("../testing/stop-race.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script, "2000"]);
    const tally = JSON.parse(stdout) as { runs: number; stopped: number; late: number; lost: number };
    expect(tally.lost).toBe(0);
    // Most signals came mid-loop, where the race is: the run tried what it claims to.
    expect(tally.stopped).toBeGreaterThan(tally.runs / 2);
    expect(tally.stopped + tally.late).toBe(tally.runs);
  });
});
