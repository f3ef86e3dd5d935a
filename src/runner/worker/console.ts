/**
 * A `console` that prints like Node's: `log`/`info`/`debug`/`dir` to stdout, `error`/`warn`/
 * `trace`/`assert` to stderr, text from {@link format}, groups indented by two spaces,
 * `count` and `time` as Node words them.
 */
import { format, inspect, type InspectOptions } from "./format.ts";
import type { Stream } from "../core/index.ts";

export type Write = (stream: Stream, text: string) => void;

/** Methods of {@link createConsole}'s result; the rest of `console` is left as it was. */
export type NodeConsole = Pick<
  Console,
  | "log" | "info" | "debug" | "error" | "warn" | "dir" | "trace" | "assert" | "group"
  | "groupCollapsed" | "groupEnd" | "count" | "countReset" | "time" | "timeEnd" | "timeLog" | "table"
>;

/**
 * @param write where text goes, already newline-terminated.
 * @param now milliseconds, for `time`/`timeEnd`.
 * @param rewrite applied to every printed text: the runtime's stack-trace rewriter.
 */
export function createConsole(write: Write, now: () => number, rewrite: (text: string) => string = (t) => t): NodeConsole {
  let indent = "";
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  const print = (stream: Stream, text: string): void => {
    const body = indent === "" ? text : indent + text.replaceAll("\n", `\n${indent}`);
    write(stream, `${rewrite(body)}\n`);
  };
  const out = (...args: unknown[]): void => print(0, format(...args));
  const err = (...args: unknown[]): void => print(1, format(...args));
  const group = (...args: unknown[]): void => {
    if (args.length > 0) out(...args);
    indent += "  ";
  };
  const elapsed = (label: string): string | undefined => {
    const start = timers.get(label);
    if (start === undefined) {
      print(1, `(node) Warning: No such label '${label}' for console.timeEnd()`);
      return undefined;
    }
    return `${label}: ${formatDuration(now() - start)}`;
  };

  return {
    log: out,
    info: out,
    debug: out,
    table: out,
    error: err,
    warn: err,
    dir: (value?: unknown, options?: Partial<InspectOptions>) => print(0, inspect(value, { customInspect: false, ...options })),
    trace: (...args: unknown[]) => {
      const stack = (new Error().stack ?? "").split("\n").slice(2).join("\n");
      print(1, `Trace${args.length > 0 ? `: ${format(...args)}` : ""}\n${stack}`);
    },
    assert: (condition?: unknown, ...args: unknown[]) => {
      if (condition) return;
      if (args.length === 0) print(1, "Assertion failed");
      else if (typeof args[0] === "string") print(1, format(`Assertion failed: ${args[0]}`, ...args.slice(1)));
      else print(1, format("Assertion failed", ...args));
    },
    group,
    groupCollapsed: group,
    groupEnd: () => {
      indent = indent.slice(0, -2);
    },
    count: (label = "default") => {
      const count = (counts.get(`${label}`) ?? 0) + 1;
      counts.set(`${label}`, count);
      out(`${label}: ${count}`);
    },
    countReset: (label = "default") => {
      counts.delete(`${label}`);
    },
    time: (label = "default") => {
      timers.set(`${label}`, now());
    },
    timeLog: (label = "default", ...data: unknown[]) => {
      const text = elapsed(`${label}`);
      if (text !== undefined) out(text, ...data);
    },
    timeEnd: (label = "default") => {
      const text = elapsed(`${label}`);
      timers.delete(`${label}`);
      if (text !== undefined) out(text);
    },
  };
}

/** Node's `console.time` wording: "1.234ms", "1.500s", "1:02.003 (m:ss.mmm)". */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(3)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${(seconds - minutes * 60).toFixed(3).padStart(6, "0")} (m:ss.mmm)`;
}
