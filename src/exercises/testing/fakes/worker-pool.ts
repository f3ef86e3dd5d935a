import type { Fake } from "./index.ts";

/** The exercise's module, with `stop` run after the queue is joined. */
const pool = (stop: string, join = "yield* queue.join();") => `import * as asyncio from "asyncio";

function* worker(name: string, queue: asyncio.Queue<number>): asyncio.Coroutine<void> {
  while (true) {
    const job = yield* queue.get();
    yield* asyncio.sleep(0.5);
    console.log(\`\${name} did job \${job}\`);
    queue.taskDone();
  }
}

export function* runJobs(jobs: number[], count: number): asyncio.Coroutine<void> {
  const queue = new asyncio.Queue<number>();
  for (const job of jobs) queue.putNowait(job);
  const names = Array.from({ length: count }, (_, i) => \`w\${i + 1}\`);
  const workers = names.map((name) => asyncio.createTask(worker(name, queue), { name }));
  ${join}
  ${stop}
}
`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "every job is done exactly once",
    code: `import * as asyncio from "asyncio";

export function* runJobs(jobs: number[], count: number): asyncio.Coroutine<void> {
  yield* asyncio.sleep(1);
  for (const [i, job] of [1, 2, 3, 4, 5, 6].entries()) console.log(\`w\${(i % 3) + 1} did job \${job}\`);
  console.log("all jobs done");
  console.log("workers stopped");
}
`,
  },
  {
    kind: "dummy worker tasks; runJobs does the jobs itself",
    fails: "each job is done by the worker that reports it",
    code: `import * as asyncio from "asyncio";

function* idle(): asyncio.Coroutine<void> {}

export function* runJobs(jobs: number[], count: number): asyncio.Coroutine<void> {
  const workers = Array.from({ length: count }, (_, i) => asyncio.createTask(idle(), { name: \`w\${i + 1}\` }));
  for (let round = 0; round < jobs.length; round += count) {
    yield* asyncio.sleep(0.5);
    jobs.slice(round, round + count).forEach((job, i) => console.log(\`w\${i + 1} did job \${job}\`));
  }
  yield* asyncio.gather(...workers);
}
`,
  },
  {
    kind: "one worker after another (a single worker)",
    fails: "the workers share the work",
    code: pool("for (const task of workers) task.cancel();\n  yield* asyncio.gather(...workers, { returnExceptions: true });").replace(
      "Array.from({ length: count }",
      "Array.from({ length: 1 }",
    ),
  },
  {
    kind: "never stops the workers",
    fails: "every worker has stopped before runJobs returns",
    code: pool(""),
  },
  {
    kind: "cancels the workers but does not wait for them",
    fails: "every worker has stopped before runJobs returns",
    code: pool("for (const task of workers) task.cancel();"),
  },
  {
    kind: "stops the workers before the jobs are done",
    fails: "every job is done exactly once",
    code: pool("for (const task of workers) task.cancel();\n  yield* asyncio.gather(...workers, { returnExceptions: true });", "yield* asyncio.sleep(0.5);"),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "every job is done exactly once",
    code: String.raw`import asyncio

async def run_jobs(jobs, count):
    await asyncio.sleep(1)
    for i, job in enumerate([1, 2, 3, 4, 5, 6]):
        print(f"w{i % 3 + 1} did job {job}")
    print("all jobs done")
    print("workers stopped")
`,
  },
  {
    kind: "dummy worker tasks; run_jobs does the jobs itself",
    fails: "each job is done by the worker that reports it",
    code: String.raw`import asyncio

async def idle():
    pass

async def run_jobs(jobs, count):
    names = [f"w{i + 1}" for i in range(count)]
    workers = [asyncio.create_task(idle(), name=name) for name in names]
    for i in range(0, len(jobs), count):
        await asyncio.sleep(0.5)
        for name, job in zip(names, jobs[i : i + count]):
            print(f"{name} did job {job}")
    await asyncio.gather(*workers)
    print("all jobs done")
`,
  },
  {
    kind: "one worker after another (a single worker)",
    fails: "the workers share the work",
    code: String.raw`import asyncio

async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.5)
        print(f"{name} did job {job}")
        queue.task_done()

async def run_jobs(jobs, count):
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    task = asyncio.create_task(worker("w1", queue), name="w1")
    await queue.join()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
`,
  },
  {
    kind: "never stops the workers",
    fails: "every worker has stopped before runJobs returns",
    code: String.raw`import asyncio

async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.5)
        print(f"{name} did job {job}")
        queue.task_done()

async def run_jobs(jobs, count):
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i + 1}", queue), name=f"w{i + 1}") for i in range(count)]
    await queue.join()
    print("all jobs done")
`,
  },
  {
    kind: "cancels the workers but does not wait for them",
    fails: "every worker has stopped before runJobs returns",
    code: String.raw`import asyncio

async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.5)
        print(f"{name} did job {job}")
        queue.task_done()

async def run_jobs(jobs, count):
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i + 1}", queue), name=f"w{i + 1}") for i in range(count)]
    await queue.join()
    for task in workers:
        task.cancel()
`,
  },
  {
    kind: "stops the workers before the jobs are done",
    fails: "every job is done exactly once",
    code: String.raw`import asyncio

async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.5)
        print(f"{name} did job {job}")
        queue.task_done()

async def run_jobs(jobs, count):
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i + 1}", queue), name=f"w{i + 1}") for i in range(count)]
    await asyncio.sleep(0.5)
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
`,
  },
] satisfies Fake[];
