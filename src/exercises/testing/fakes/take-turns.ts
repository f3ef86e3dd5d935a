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
