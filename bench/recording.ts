/**
 * Recording's cost as whole processes, for a timing tool that runs commands (A/B): spawns
 * 10,000 tasks (sleep(0) each) `rounds` times with, on each run, a fresh timeline recorder
 * (`record`, as `bench/timeline.ts` makes it), a recorder as the worker makes it (`worker`:
 * creation lines read from stacks for the first tasks, events taken in batches of 2,000 as
 * objects), an instrument whose hooks do nothing (`hooks`: what the loop's calls cost
 * alone), or nothing (`plain`). `node bench/recording.ts record 40` vs `... plain 40`; with
 * `0` rounds it times the start-up alone. `--virtual` runs on the virtual-time loop.
 */
import * as asyncio from "asyncio";
import { recorder as newRecorder, recorderHooks, workerRecorder } from "./recorders.ts";
import { spawn } from "./workloads.ts";

const MODES = ["record", "worker", "hooks", "plain"];
const [mode = "record", rounds = "40"] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (!MODES.includes(mode)) throw new Error(`usage: node bench/recording.ts ${MODES.join("|")} [rounds] [--virtual]`);
const virtual = process.argv.includes("--virtual") ? { loopFactory: () => new asyncio.VirtualTimeLoop() } : {};
const hooks = recorderHooks();

const taken = { count: 0 };
for (let i = 0; i < Number(rounds); i++) {
  const recorder = mode === "record" ? newRecorder() : mode === "worker" ? workerRecorder(taken) : null;
  const instruments = recorder ? [recorder] : mode === "hooks" ? [hooks] : [];
  const done = await spawn(10_000, { ...virtual, instruments });
  if (done !== 10_000) throw new Error(`spawned ${done} of 10,000`);
  taken.count += mode === "worker" ? recorder!.take().length : (recorder?.size ?? 0);
}
if ((mode === "record" || mode === "worker") && Number(rounds) > 0 && taken.count === 0) throw new Error("nothing was recorded");
