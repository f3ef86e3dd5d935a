/** Full garbage collections on demand, for benchmarks that must not pay for each other's garbage. */
import { spawnSync } from "node:child_process";

/** V8's `gc()`: a full collection, or with `{ type: "minor" }` the young generation only. */
export type Gc = (options?: { type: "major" | "minor" }) => void;

/**
 * `gc()` when Node runs with `--expose-gc`. Otherwise this process runs the same
 * script again in a child that has it, passing on its arguments and output, and
 * exits with the child's status: call it first thing.
 */
export function requireGc(): Gc {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (gc !== undefined) return gc;
  const child = spawnSync(process.execPath, ["--expose-gc", ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 1);
}
