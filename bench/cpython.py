"""The loop benchmarks' workloads in CPython's asyncio, for `npm run bench` to print beside ours.

Same work as bench/workloads.ts: spawn N tasks that each `await asyncio.sleep(0)` once and
await them in order; pass M messages between two tasks through two unbounded Queues. Each
workload runs ROUNDS times after one warm-up, timed in this process's CPU time; prints one
JSON object: the median rate of each, in units per second.

Run: python3 bench/cpython.py [--quick]
"""
import asyncio
import json
import statistics
import sys
import time

QUICK = "--quick" in sys.argv
TASKS = 10_000 if QUICK else 100_000
MESSAGES = 20_000 if QUICK else 200_000
ROUNDS = 3 if QUICK else 5


async def yield_once(tally):
    await asyncio.sleep(0)
    tally[0] += 1


async def spawn(n):
    tally = [0]
    tasks = [asyncio.create_task(yield_once(tally)) for _ in range(n)]
    for task in tasks:
        await task
    assert tally[0] == n
    return n


async def pinger(out, back, rounds):
    for i in range(rounds):
        await out.put(i)
        assert await back.get() == i
    return rounds


async def ponger(inbox, out, rounds):
    for i in range(rounds):
        message = await inbox.get()
        assert message == i
        await out.put(message)
    return rounds


async def ping_pong(messages):
    rounds = messages // 2
    pings, pongs = asyncio.Queue(), asyncio.Queue()
    ping = asyncio.create_task(pinger(pings, pongs, rounds))
    pong = asyncio.create_task(ponger(pings, pongs, rounds))
    return await ping + await pong


def rate(workload, units):
    asyncio.run(workload(units))  # warm-up
    samples = []
    for _ in range(ROUNDS):
        start = time.process_time()
        counted = asyncio.run(workload(units))
        samples.append(time.process_time() - start)
        assert counted == units
    return units / statistics.median(samples)


print(json.dumps({
    "python": sys.version.split()[0],
    "spawn": rate(spawn, TASKS),
    "pingPong": rate(ping_pong, MESSAGES),
}))
