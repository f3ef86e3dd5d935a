/**
 * One server task holding 10,000 concurrent loopback connections, each exchanging a
 * message, nothing lost. Server (`testing/stress-server.ts`) and clients
 * (`testing/stress-clients.ts`) run as two processes of their own: each needs about
 * 10,000 file descriptors, not 20,000 together, and neither pays for Vitest's module
 * transform on the hot path.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const CONNECTIONS = 10_000;
/** Descriptors each process needs beyond the connections. */
const HEADROOM = 500;

function openFileLimit(): number {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  const soft = line?.split(/\s{2,}/)[1];
  return soft === undefined || soft === "unlimited" ? Infinity : Number(soft);
}


/** Start `script` with Node; resolves with each JSON line it prints, as it prints them. */
function start(script: string, args: string[]): { child: ChildProcess; lines: AsyncGenerator<unknown> } {
  const path = fileURLToPath(new URL(`../testing/${script}`, import.meta.url));
  const child = spawn(process.execPath, [path, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  async function* lines(): AsyncGenerator<unknown> {
    let pending = "";
    for await (const chunk of child.stdout!) {
      pending += String(chunk);
      for (let at = pending.indexOf("\n"); at >= 0; at = pending.indexOf("\n")) {
        yield JSON.parse(pending.slice(0, at));
        pending = pending.slice(at + 1);
      }
    }
  }
  return { child, lines: lines() };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.on("exit", resolve));
}

test(
  `one server task holds ${CONNECTIONS} concurrent connections, each exchanging a message, nothing lost`,
  async () => {
    // Too few descriptors is a failure, never a skip: a run that did not test this must not pass.
    // scripts/test.sh raises the soft limit where the hard limit allows.
    const limit = openFileLimit();
    expect(limit, `ulimit -n is ${limit}; each process needs ${CONNECTIONS + HEADROOM} (raise it with ulimit -n)`).toBeGreaterThanOrEqual(
      CONNECTIONS + HEADROOM,
    );
    const server = start("stress-server.ts", [String(CONNECTIONS)]);
    try {
      const { port } = (await server.lines.next()).value as { port: number };
      const clients = start("stress-clients.ts", [String(port), String(CONNECTIONS)]);
      const clientReport = (await clients.lines.next()).value as { connected: number; echoed: number; seconds: number };
      const serverReport = (await server.lines.next()).value as { echoed: number; mostActive: number; active: number };
      expect(await exitCode(clients.child)).toBe(0);
      expect(await exitCode(server.child)).toBe(0);
      console.log(`net-stress: ${CONNECTIONS} connections held at once and exchanged in ${clientReport.seconds.toFixed(1)} s`);
      expect(clientReport.connected).toBe(CONNECTIONS);
      expect(clientReport.echoed).toBe(CONNECTIONS);
      expect(serverReport.echoed).toBe(CONNECTIONS);
      expect(serverReport.mostActive).toBe(CONNECTIONS);
      expect(serverReport.active).toBe(0);
    } finally {
      server.child.kill();
    }
  },
  120_000,
);
