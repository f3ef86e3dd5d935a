import type { Fake } from "./index.ts";

/** A module with `report` as given, and runReport doing `wait` after cancelling. */
const module = (report: string, wait: string) => `import * as asyncio from "asyncio";

${report}

export function* runReport(writing: number, patience: number): asyncio.Coroutine<void> {
  const task = asyncio.createTask(report(writing), { name: "report" });
  yield* asyncio.sleep(patience);
  task.cancel();
  ${wait}
}
`;

const finallyReport = `function* report(seconds: number): asyncio.Coroutine<void> {
  console.log("report: file opened");
  try {
    yield* asyncio.sleep(seconds);
  } finally {
    console.log("report: file closed");
  }
}`;

const waitAndSay = `try {
    yield* task;
  } catch (error) {
    if (!(error instanceof asyncio.CancelledError)) throw error;
    console.log("main: report cancelled");
  }
  console.log("main: done");`;

export default [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "the cancellation reaches the task writing the report",
    code: `import * as asyncio from "asyncio";

export function* runReport(writing: number, patience: number): asyncio.Coroutine<void> {
  console.log("report: file opened");
  yield* asyncio.sleep(1);
  console.log("report: file closed");
  console.log("main: report cancelled");
  console.log("main: done");
}
`,
  },
  {
    kind: "a dummy task named report; runReport prints its lines",
    fails: "the cancellation reaches the task writing the report",
    code: `import * as asyncio from "asyncio";

export function* runReport(writing: number, patience: number): asyncio.Coroutine<void> {
  const task = asyncio.createTask(asyncio.sleep(3600), { name: "report" });
  console.log("report: file opened");
  yield* asyncio.sleep(patience);
  task.cancel();
  yield* asyncio.gather(task, { returnExceptions: true });
  console.log("report: file closed");
  console.log("main: report cancelled");
  console.log("main: done");
}
`,
  },
  {
    kind: "cleans up only in catch",
    fails: "the report closes its file when it finishes, too",
    code: module(
      `function* report(seconds: number): asyncio.Coroutine<void> {
  console.log("report: file opened");
  try {
    yield* asyncio.sleep(seconds);
  } catch (error) {
    console.log("report: file closed");
    throw error;
  }
}`,
      waitAndSay,
    ),
  },
  {
    kind: "swallows the cancellation in the report",
    fails: "the cancellation reaches the task writing the report",
    code: module(
      `function* report(seconds: number): asyncio.Coroutine<void> {
  console.log("report: file opened");
  try {
    yield* asyncio.sleep(seconds);
  } catch {
    // cancelled: carry on as if done
  }
  console.log("report: file closed");
}`,
      `yield* task;\n  console.log("main: report cancelled");\n  console.log("main: done");`,
    ),
  },
  {
    kind: "cancels, but does not wait for the report",
    fails: "the cancellation reaches the task writing the report",
    code: module(finallyReport, `console.log("main: report cancelled");\n  console.log("main: done");`),
  },
  {
    kind: "says it is done before the clean-up",
    fails: "runReport waits for the clean-up, then says so",
    code: module(finallyReport, `console.log("main: report cancelled");\n  console.log("main: done");\n  yield* asyncio.gather(task, { returnExceptions: true });`),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines, with a sleep",
    fails: "the cancellation reaches the task writing the report",
    code: String.raw`import asyncio

async def run_report(writing, patience):
    print("report: file opened")
    await asyncio.sleep(patience)
    print("report: file closed")
    print("main: report cancelled")
    print("main: done")
`,
  },
  {
    kind: "a dummy task named report; run_report prints its lines",
    fails: "the cancellation reaches the task writing the report",
    code: String.raw`import asyncio

async def idle():
    pass

async def run_report(writing, patience):
    task = asyncio.create_task(idle(), name="report")
    print("report: file opened")
    await asyncio.sleep(min(writing, patience))
    await task
    print("report: file closed")
    if writing > patience:
        print("main: report cancelled")
    print("main: done")
`,
  },
  {
    kind: "cleans up only in except",
    fails: "the report closes its file when it finishes, too",
    code: String.raw`import asyncio

async def report(seconds):
    print("report: file opened")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("report: file closed")
        raise

async def run_report(writing, patience):
    task = asyncio.create_task(report(writing), name="report")
    done, _ = await asyncio.wait([task], timeout=patience)
    if not done:
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("main: report cancelled")
    print("main: done")
`,
  },
  {
    kind: "swallows the cancellation in the report",
    fails: "the cancellation reaches the task writing the report",
    code: String.raw`import asyncio

async def report(seconds):
    print("report: file opened")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        pass
    finally:
        print("report: file closed")

async def run_report(writing, patience):
    task = asyncio.create_task(report(writing), name="report")
    done, _ = await asyncio.wait([task], timeout=patience)
    if not done:
        task.cancel()
        await task
        print("main: report cancelled")
    print("main: done")
`,
  },
  {
    kind: "cancels, but does not wait for the report",
    fails: "the cancellation reaches the task writing the report",
    code: String.raw`import asyncio

async def report(seconds):
    print("report: file opened")
    try:
        await asyncio.sleep(seconds)
    finally:
        print("report: file closed")

async def run_report(writing, patience):
    task = asyncio.create_task(report(writing), name="report")
    done, _ = await asyncio.wait([task], timeout=patience)
    if not done:
        task.cancel()
        print("main: report cancelled")
    print("main: done")
`,
  },
  {
    kind: "says it is done before the clean-up",
    fails: "runReport waits for the clean-up, then says so",
    code: String.raw`import asyncio

async def report(seconds):
    print("report: file opened")
    try:
        await asyncio.sleep(seconds)
    finally:
        print("report: file closed")

async def run_report(writing, patience):
    task = asyncio.create_task(report(writing), name="report")
    done, _ = await asyncio.wait([task], timeout=patience)
    if not done:
        task.cancel()
        print("main: report cancelled")
        print("main: done")
        await asyncio.gather(task, return_exceptions=True)
    else:
        print("main: done")
`,
  },
] satisfies Fake[];
