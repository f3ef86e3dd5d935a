/**
 * Which Python twins can run in the page, decided from their source before Pyodide is fetched.
 *
 * Python in the browser is one thread in a WebAssembly sandbox: no threads, no processes, no
 * sockets, no signals, no /proc. A twin that needs one of them either fails (`can't start new
 * thread`, `/proc/self/status` missing) or, worse, runs and prints something CPython would not
 * (Pyodide's `run_in_executor` calls the function at once, on the only thread). So the page
 * does not run such a twin: it shows the recorded CPython output and the reason.
 *
 * A static check rather than a per-cell flag: it cannot go stale when a twin is edited, and
 * the reader's own edits are classified the same way. It looks at code only: comments and
 * string literals are blanked first (except that a string naming /proc counts).
 */

/** One construct the browser cannot run, where it first appears. */
export interface Obstacle {
  /** Why, in plain words: "it starts threads, and Python in the browser has only one". */
  reason: string;
  /** What was found, as written: "threading", "open_connection", "/proc/self/status". */
  found: string;
  /** 1-based line of its first appearance. */
  line: number;
}

export type PythonVerdict =
  | { runnable: true }
  /** `reason` is the first obstacle's; `obstacles` lists one per reason, in source order. */
  | { runnable: false; reason: string; obstacles: Obstacle[] };

interface Rule {
  reason: string;
  pattern: RegExp;
}

const THREADS = "it starts threads, and Python in the browser has only one thread";

/** Checked against code with comments and strings blanked out. */
const CODE_RULES: Rule[] = [
  { reason: THREADS, pattern: /\b(?:import\s+(?:threading|_thread|concurrent)|from\s+(?:threading|_thread|concurrent)\b|to_thread|run_in_executor|ThreadPoolExecutor|threading\.\w+)\b/g },
  {
    reason: "it starts processes, which a browser cannot",
    pattern: /\b(?:multiprocessing|subprocess|ProcessPoolExecutor|create_subprocess_(?:exec|shell)|os\.(?:fork|system|popen|exec\w*|spawn\w*))\b/g,
  },
  {
    reason: "it opens network sockets, which a browser page cannot",
    pattern: /\b(?:import\s+socket|from\s+socket\s+import|socket\.\w+|open_connection|start_server|open_unix_connection|start_unix_server|create_server|create_connection|create_datagram_endpoint|sock_(?:recv\w*|send\w*|connect|accept))\b/g,
  },
  {
    reason: "it builds on asyncio's SelectorEventLoop, which needs operating-system sockets for its self-pipe (in the browser asyncio runs on a BaseEventLoop that only sleeps)",
    pattern: /\b(?:SelectorEventLoop|ProactorEventLoop|selectors)\b/g,
  },
  {
    reason: "it uses POSIX signals, which the browser does not have",
    pattern: /\b(?:add_signal_handler|signal\.(?:signal|alarm|setitimer|pthread_kill|raise_signal))\b/g,
  },
];

const PROC = "it reads /proc, which exists on Linux but not in the browser";

/**
 * Classifies a Python program: runnable in the page, or not and why (every obstacle found,
 * one per reason, in the order they first appear).
 */
export function classifyPython(source: string): PythonVerdict {
  const { code, strings } = blankStringsAndComments(source);
  const found = new Map<string, Obstacle>();
  const keep = (obstacle: Obstacle): void => {
    const earlier = found.get(obstacle.reason);
    if (!earlier || obstacle.line < earlier.line) found.set(obstacle.reason, obstacle);
  };
  for (const rule of CODE_RULES) {
    for (const match of code.matchAll(rule.pattern)) {
      keep({ reason: rule.reason, found: match[0].replace(/\s+/g, " "), line: lineAt(code, match.index) });
    }
  }
  for (const literal of strings) {
    if (/^\/proc(?:\/|$)/.test(literal.text)) keep({ reason: PROC, found: literal.text, line: literal.line });
  }
  const obstacles = [...found.values()].sort((a, b) => a.line - b.line);
  return obstacles.length === 0 ? { runnable: true } : { runnable: false, reason: obstacles[0]!.reason, obstacles };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * The source with every comment and string literal replaced by spaces (newlines kept, so
 * offsets and lines still match), and the literals' contents with their lines.
 */
export function blankStringsAndComments(source: string): { code: string; strings: Array<{ text: string; line: number }> } {
  const out = source.split("");
  const strings: Array<{ text: string; line: number }> = [];
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (out[i] !== "\n") out[i] = " ";
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "#") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      // A prefix (r, b, f, u, rb, ...) right before the quote belongs to the literal.
      let word = i;
      while (word > 0 && /\w/.test(source[word - 1]!)) word--;
      const start = /^[rRbBfFuUtT]{1,2}$/.test(source.slice(word, i)) ? word : i;
      const triple = source.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < source.length && !source.startsWith(quote, j)) {
        if (source[j] === "\\") j++; // even a raw string does not end at \"
        else if (!triple && source[j] === "\n") break; // unterminated: the parser will say so
        j++;
      }
      const end = Math.min(source.length, j + quote.length);
      strings.push({ text: source.slice(i + quote.length, Math.min(j, source.length)), line: lineAt(source, i) });
      blank(start, end);
      i = end;
      continue;
    }
    i++;
  }
  return { code: out.join(""), strings };
}
