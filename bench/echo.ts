/**
 * Echo benchmark: 200 clients × 200 round trips of 64 bytes over loopback TCP, with the
 * loop library's streams (server and clients on one loop) and with plain Node `net`
 * (server and clients in one process), in the same run. Prints round trips per second;
 * never fails. Run: `npm run build:loop && npx node bench/echo.ts [rounds] [--only=ours|net] [--clients=N]`;
 * `--only` runs one side alone (to count its system calls, or to time whole processes),
 * `--clients` changes the number of clients, which share the same 40,000 round trips.
 *
 * Measured elsewhere on the same machine for reference: plain Node 36.6k round trips/s,
 * uvloop 44k, CPython asyncio 3.2k.
 */
import * as net from "node:net";
import * as asyncio from "asyncio";
import { addSummary, formatRatio } from "./report.ts";

const args = process.argv.slice(2);
const CLIENTS = Number(args.find((a) => a.startsWith("--clients="))?.slice("--clients=".length) ?? 200);
/** Round trips in one exchange: 200 per client at the default 200 clients. */
const TOTAL = 40_000;
const ROUND_TRIPS = Math.round(TOTAL / CLIENTS);
const MESSAGE = 64;
const RUNS = Number(args.find((a) => !a.startsWith("--")) ?? 5);
const ONLY = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (ONLY !== undefined && ONLY !== "ours" && ONLY !== "net") throw new Error(`--only=${ONLY}: expected ours or net`);
const HOST = "127.0.0.1";

/** Wall-clock seconds and CPU seconds (user + system, and the system part) of one measured exchange. */
interface Timing {
  seconds: number;
  cpu: number;
  system: number;
}

function timing(seconds: number, since: NodeJS.CpuUsage): Timing {
  const used = process.cpuUsage(since);
  return { seconds, cpu: (used.user + used.system) / 1e6, system: used.system / 1e6 };
}

/** Streams: times the round trips (connections are made first, untimed). */
function* streamsEcho(): asyncio.Coroutine<Timing> {
  const loop = asyncio.getRunningLoop();
  const server = yield* asyncio.startServer(
    function* (reader, writer) {
      for (;;) {
        const data = yield* reader.read(65536);
        if (data.length === 0) break;
        writer.write(data);
        yield* writer.drain();
      }
      writer.close();
    },
    HOST,
    0,
    { backlog: 1024 },
  );
  const port = server.sockets[0]!.getsockname()[1];
  const pairs: [asyncio.StreamReader, asyncio.StreamWriter][] = [];
  for (let i = 0; i < CLIENTS; i++) pairs.push(yield* asyncio.openConnection(HOST, port));
  const message = new Uint8Array(MESSAGE).fill(120);
  function* client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): asyncio.Coroutine<void> {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      writer.write(message);
      yield* writer.drain();
      yield* reader.readexactly(MESSAGE);
    }
  }
  const cpu0 = process.cpuUsage();
  const start = loop.time();
  yield* asyncio.gather(...pairs.map(([reader, writer]) => client(reader, writer)));
  const timed = timing(loop.time() - start, cpu0);
  for (const [, writer] of pairs) writer.close();
  yield* asyncio.gather(...pairs.map(([, writer]) => writer.waitClosed()));
  server.close();
  yield* server.waitClosed();
  return timed;
}

/** Plain Node `net`, callbacks: the same exchange. */
async function nodeEcho(): Promise<Timing> {
  const server = net.createServer({ noDelay: true }, (socket) => {
    socket.on("data", (data) => socket.write(data));
    socket.on("end", () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen({ host: HOST, port: 0, backlog: 1024 }, resolve));
  const port = (server.address() as net.AddressInfo).port;
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, () => new Promise<net.Socket>((resolve) => {
      const socket = net.connect({ host: HOST, port, noDelay: true }, () => resolve(socket));
    })),
  );
  const message = Buffer.alloc(MESSAGE, 120);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          let done = 0;
          let pending = 0;
          socket.on("data", (data) => {
            pending += data.length;
            while (pending >= MESSAGE) {
              pending -= MESSAGE;
              if (++done === ROUND_TRIPS) return resolve();
              socket.write(message);
            }
          });
          socket.write(message);
        }),
    ),
  );
  const timed = timing((performance.now() - start) / 1000, cpu0);
  for (const socket of sockets) socket.end();
  await new Promise((resolve) => server.close(resolve));
  return timed;
}

const ROUNDS = CLIENTS * ROUND_TRIPS;
const k = (n: number): string => `${(n / 1000).toFixed(1)}k`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`echo: ${CLIENTS} clients x ${ROUND_TRIPS} round trips of ${MESSAGE} bytes, ${RUNS} runs each after a warm-up, Node ${process.version}`);
const runNet = ONLY !== "ours";
const runOurs = ONLY !== "net";
if (runNet) await nodeEcho();
if (runOurs) await asyncio.run(streamsEcho());
const ours: Timing[] = [];
const plain: Timing[] = [];
for (let run = 0; run < RUNS; run++) {
  // Interleaved, so that machine noise hits both alike, and each side goes first every
  // other run, so that neither always inherits the other's garbage.
  if (runNet && run % 2 === 0) plain.push(await nodeEcho());
  if (runOurs) ours.push(await asyncio.run(streamsEcho()));
  if (runNet && run % 2 === 1) plain.push(await nodeEcho());
}
function report(label: string, timings: Timing[]): { rate: number; cpuRate: number } {
  const rates = timings.map((t) => ROUNDS / t.seconds);
  const rate = median(rates);
  const cpuRate = median(timings.map((t) => ROUNDS / t.cpu));
  const us = (seconds: number): string => ((seconds / ROUNDS) * 1e6).toFixed(1);
  const cpu = `CPU per round trip ${us(median(timings.map((t) => t.cpu)))} µs, system ${us(median(timings.map((t) => t.system)))} µs`;
  console.log(`${label} median ${k(rate)} round trips/s, best ${k(Math.max(...rates))}; per CPU second ${k(cpuRate)}; ${cpu}  (runs: ${rates.map(k).join(" ")})`);
  return { rate, cpuRate };
}
if (ONLY === undefined) {
  const p = report("plain Node net: ", plain);
  const o = report("asyncio streams:", ours);
  // Run by run: the two sides of one run met the same machine.
  const cpuRatio = median(ours.map((t, i) => plain[i]!.cpu / t.cpu));
  const wallRatio = median(ours.map((t, i) => plain[i]!.seconds / t.seconds));
  console.log(`ratio (median of the runs' ratios): ${wallRatio.toFixed(2)}x plain Node by wall clock, ${cpuRatio.toFixed(2)}x by CPU time`);
  addSummary({
    workload: `echo, ${CLIENTS} clients x ${ROUND_TRIPS} round trips (per CPU second)`,
    ours: `${k(o.cpuRate)} round trips/s`,
    yardstick: `${k(p.cpuRate)} (plain Node net)`,
    ratio: formatRatio(cpuRatio, 1),
    cpython: "—",
    vsCpython: "—",
    target: "≥ 0.95×",
    met: cpuRatio >= 0.95 ? "yes" : "NO",
  });
} else {
  report(ONLY === "net" ? "plain Node net: " : "asyncio streams:", ONLY === "net" ? plain : ours);
}
