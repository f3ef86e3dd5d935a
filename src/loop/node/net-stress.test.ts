/**
 * One server task holding 10,000 concurrent loopback connections, each exchanging a
 * message. The clients run in a child process (`testing/stress-clients.ts`), so that
 * each process needs about 10,000 file descriptors, not 20,000.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import type { Coroutine } from "../coroutines.ts";
import { getRunningLoop } from "../events.ts";
import { startServer } from "../streams.ts";
import { portOf, runOver } from "../testing/streams-suite.ts";
import { netBackend } from "./net-transport.ts";

const CONNECTIONS = 10_000;
/** Descriptors each process needs beyond the connections (Node, Vitest, the listener). */
const HEADROOM = 1_000;

function openFileLimit(): number {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  const soft = line?.split(/\s{2,}/)[1];
  return soft === undefined || soft === "unlimited" ? Infinity : Number(soft);
}

const limit = openFileLimit();
const enough = limit >= CONNECTIONS + HEADROOM;
if (!enough) {
  console.warn(`net-stress: SKIPPED: ulimit -n is ${limit}; ${CONNECTIONS + HEADROOM} per process are needed (run with ulimit -n 65536)`);
}

test.skipIf(!enough)(
  `one server task holds ${CONNECTIONS} concurrent connections, nothing lost`,
  async () => {
    const { result } = await runOver(netBackend, function* (): Coroutine<unknown> {
      const loop = getRunningLoop();
      let active = 0;
      let mostActive = 0;
      let echoed = 0;
      const server = yield* startServer(
        function* (reader, writer) {
          mostActive = Math.max(mostActive, ++active);
          try {
            const line = yield* reader.readline();
            writer.write(line);
            yield* writer.drain();
            echoed++;
            yield* reader.read(); // until the client closes
          } finally {
            active--;
            writer.close();
          }
        },
        "127.0.0.1",
        0,
        { backlog: 4096 },
      );
      const script = fileURLToPath(new URL("../testing/stress-clients.ts", import.meta.url));
      const child = spawn(process.execPath, [script, String(portOf(server)), String(CONNECTIONS)], { stdio: ["ignore", "pipe", "inherit"] });
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      const exited = loop.createFuture<number | null>();
      child.on("exit", (code) => exited.setResult(code));
      const code = yield* exited;
      server.close();
      yield* server.waitClosed();
      return { code, clients: JSON.parse(output || "{}") as { connected: number; echoed: number; seconds: number }, mostActive, echoed, active };
    });
    const { code, clients, mostActive, echoed, active } = result as {
      code: number;
      clients: { connected: number; echoed: number; seconds: number };
      mostActive: number;
      echoed: number;
      active: number;
    };
    console.log(`net-stress: ${CONNECTIONS} connections, all exchanged in ${clients.seconds?.toFixed(1)} s`);
    expect(code).toBe(0);
    expect(clients.connected).toBe(CONNECTIONS);
    expect(clients.echoed).toBe(CONNECTIONS);
    expect(echoed).toBe(CONNECTIONS);
    expect(mostActive).toBe(CONNECTIONS);
    expect(active).toBe(0);
  },
  120_000,
);
