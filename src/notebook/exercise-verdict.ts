/**
 * Reading a check run: the `::check::` lines the harness (./check-harness.ts) prints become a
 * verdict in words, beginning "Passed" or "Not yet", naming the first check that fails and why.
 * No DOM: the page and the tests share it.
 */

/** One check's outcome, as the harness reports it. */
export interface CheckReport {
  name: string;
  ok: boolean;
  why?: string;
}

export interface Verdict {
  passed: boolean;
  /** The sentence for the exercise's status. */
  text: string;
  reports: CheckReport[];
}

export interface CheckRun {
  stdout: string;
  stderr: string;
  /** Exit code; null when killed. */
  code: number | null;
  /** Why the run was cut short, if it was. */
  reason?: "stopped" | "timeout" | "output-limit" | undefined;
  timeoutMs: number;
}

const CHECK = "::check::";
const DONE = "::checks-done::";
// A WebContainer's terminal adds colour codes and carriage returns.
const TERMINAL_NOISE = /\x1b\[[0-9;?]*[A-Za-z]|\r/g;

/** The reports in a check run's stdout, whether the harness got to the end, and the other lines. */
export function readReports(stdout: string): { reports: CheckReport[]; done: { passed: number; total: number } | undefined; other: string[] } {
  const reports: CheckReport[] = [];
  const other: string[] = [];
  let done: { passed: number; total: number } | undefined;
  for (const line of stdout.replace(TERMINAL_NOISE, "").split("\n")) {
    const at = line.indexOf(CHECK);
    const doneAt = line.indexOf(DONE);
    // A marker the harness did not write whole (the program printed one) is just output.
    const report = at >= 0 ? parse<CheckReport>(line.slice(at + CHECK.length)) : undefined;
    const end = doneAt >= 0 ? parse<{ passed: number; total: number }>(line.slice(doneAt + DONE.length)) : undefined;
    if (report && typeof report.name === "string" && typeof report.ok === "boolean") reports.push(report);
    else if (end && typeof end.total === "number") done = end;
    else if (line !== "") other.push(line);
  }
  return { reports, done, other };
}

function parse<T>(json: string): T | undefined {
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

function lastLine(text: string): string | undefined {
  return text
    .replace(TERMINAL_NOISE, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("at ") && !line.startsWith("^"))
    .at(-1);
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** The verdict on one check run. */
export function verdictOf(run: CheckRun): Verdict {
  const { reports, done, other } = readReports(run.stdout);
  const total = done?.total ?? reports.length;
  const holding = reports.filter((report) => report.ok).length;
  const failed = reports.find((report) => !report.ok);
  const tally = `${holding} of ${total} ${total === 1 ? "check holds" : "checks hold"}.`;
  if (failed) {
    const index = reports.indexOf(failed) + 1;
    const text = `Not yet: check ${index}, “${failed.name}”, fails: ${sentence(failed.why ?? "it does not hold")} ${tally}`;
    return { passed: false, text, reports };
  }
  if (run.reason === "timeout") {
    return {
      passed: false,
      text: `Not yet: the checks ran past their ${run.timeoutMs / 1000} s limit and were stopped. A loop that never waits on the event loop runs forever, even on virtual time.`,
      reports,
    };
  }
  if (run.reason === "stopped") return { passed: false, text: "Not yet: the check was stopped before it finished.", reports };
  if (run.reason === "output-limit") {
    return { passed: false, text: "Not yet: the program printed too much, so the check was stopped.", reports };
  }
  if (done && run.code === 0 && holding === total && total > 0) {
    return { passed: true, text: `Passed: ${total === 1 ? "the check holds" : `all ${total} checks hold`}.`, reports };
  }
  const why = lastLine(run.stderr) ?? other.at(-1) ?? `it exited with code ${run.code ?? "none"}`;
  return { passed: false, text: `Not yet: the checks could not finish: ${sentence(why)}`, reports };
}

/**
 * Whether `code` is still the solution Show solution put in the editor (layout aside): after
 * Show solution, passing with it proves the solution, not the reader, so it does not count.
 */
export function isTheShownSolution(code: string, solution: string): boolean {
  const bare = (text: string): string => text.replace(/\s+/g, "");
  return bare(code) === bare(solution);
}
