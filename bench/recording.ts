/**
 * Recording's cost as whole processes, for a timing tool that runs commands (A/B): spawns
 * 10,000 tasks (sleep(0) each) `rounds` times, with a fresh timeline recorder on each run
 * (`record`) or none (`plain`). `node bench/recording.ts record 40` vs `... plain 40`;
 * with `0` rounds it times the start-up alone. `--virtual` runs on the virtual-time loop.
 */
import * as asyncio from "asyncio";
import { TimelineRecorder } from "../src/timeline/instrument.ts";
import { spawn } from "./workloads.ts";

const [mode = "record", rounds = "40"] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (mode !== "record" && mode !== "plain") throw new Error(`usage: node bench/recording.ts record|plain [rounds] [--virtual]`);
const virtual = process.argv.includes("--virtual") ? { loopFactory: () => new asyncio.VirtualTimeLoop() } : {};
let events = 0;
for (let i = 0; i < Number(rounds); i++) {
  const recorder = mode === "record" ? new TimelineRecorder(asyncio) : null;
  const done = await spawn(10_000, recorder ? { ...virtual, instruments: [recorder] } : virtual);
  if (done !== 10_000) throw new Error(`spawned ${done} of 10,000`);
  events += recorder?.size ?? 0;
}
if (mode === "record" && Number(rounds) > 0 && events === 0) throw new Error("nothing was recorded");
