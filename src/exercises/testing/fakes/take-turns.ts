import type { Fake } from "./index.ts";

const worker = `type Job<T> = Generator<void, T, undefined>;

function* worker(name: string, steps: number): Job<string> {
  for (let step = 1; step <= steps; step++) {
    console.log(\`\${name} step \${step}\`);
    yield;
  }
  return \`\${name} done\`;
}

export function* main(): Generator<never, void> {
  const results = runAll([worker("a", 2), worker("b", 3), worker("c", 1)]);
  console.log(results.join(", "));
}
`;

export default [
  {
    kind: "prints the expected lines; runAll still runs one to the end, then the next",
    fails: "the generators take turns, one step each",
    code: `type Job<T> = Generator<void, T, undefined>;

export function runAll<T>(jobs: Array<Job<T>>): T[] {
  return jobs.map((job) => {
    let step = job.next();
    while (!step.done) step = job.next();
    return step.value;
  });
}

export function* main(): Generator<never, void> {
  for (const line of ["a step 1", "b step 1", "c step 1", "a step 2", "b step 2", "b step 3", "a done, b done, c done"]) console.log(line);
}
`,
  },
  {
    kind: "takes turns, but gives the results in the order they finish",
    fails: "it gives back the return values in the order of the list",
    code: `${worker}
export function runAll<T>(jobs: Array<Job<T>>): T[] {
  const results: T[] = [];
  const ready = [...jobs];
  while (ready.length > 0) {
    const job = ready.shift()!;
    const step = job.next();
    if (step.done) results.push(step.value);
    else ready.push(job);
  }
  return results;
}
`,
  },
  {
    kind: "two steps a turn",
    fails: "the generators take turns, one step each",
    code: `${worker}
export function runAll<T>(jobs: Array<Job<T>>): T[] {
  const results: T[] = new Array(jobs.length);
  const ready = jobs.map((job, index) => ({ job, index }));
  while (ready.length > 0) {
    const { job, index } = ready.shift()!;
    let step = job.next();
    if (!step.done) step = job.next();
    if (step.done) results[index] = step.value;
    else ready.push({ job, index });
  }
  return results;
}
`,
  },
  {
    kind: "the newest first (a stack, not a queue)",
    fails: "the generators take turns, one step each",
    code: `${worker}
export function runAll<T>(jobs: Array<Job<T>>): T[] {
  const results: T[] = new Array(jobs.length);
  const ready = jobs.map((job, index) => ({ job, index })).reverse();
  while (ready.length > 0) {
    const { job, index } = ready.pop()!;
    const step = job.next();
    if (step.done) results[index] = step.value;
    else ready.push({ job, index });
  }
  return results;
}
`,
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines; run_all still runs one to the end, then the next",
    fails: "the generators take turns, one step each",
    code: String.raw`def run_all(jobs):
    results = []
    for job in jobs:
        try:
            while True:
                next(job)
        except StopIteration as stop:
            results.append(stop.value)
    return results

print("a step 1")
print("b step 1")
print("c step 1")
print("a step 2")
print("b step 2")
print("b step 3")
print("a done, b done, c done")
`,
  },
  {
    kind: "takes turns, but gives the results in the order they finish",
    fails: "it gives back the return values in the order of the list",
    code: String.raw`from collections import deque

def run_all(jobs):
    results = []
    ready = deque(jobs)
    while ready:
        job = ready.popleft()
        try:
            next(job)
        except StopIteration as stop:
            results.append(stop.value)
        else:
            ready.append(job)
    return results
`,
  },
  {
    kind: "two steps a turn",
    fails: "the generators take turns, one step each",
    code: String.raw`from collections import deque

def run_all(jobs):
    results = [None] * len(jobs)
    ready = deque(enumerate(jobs))
    while ready:
        index, job = ready.popleft()
        try:
            next(job)
            next(job)
        except StopIteration as stop:
            results[index] = stop.value
        else:
            ready.append((index, job))
    return results
`,
  },
  {
    kind: "the newest first (a stack, not a queue)",
    fails: "the generators take turns, one step each",
    code: String.raw`def run_all(jobs):
    results = [None] * len(jobs)
    ready = list(enumerate(jobs))
    while ready:
        index, job = ready.pop()
        try:
            next(job)
        except StopIteration as stop:
            results[index] = stop.value
        else:
            ready.insert(0, (index, job))
    return results
`,
  },
] satisfies Fake[];
