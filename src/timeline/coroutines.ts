/**
 * "Coroutine ... was never awaited" for the reader's own coroutines. Calling a generator
 * function runs none of its body and tells no one, and the engine says nothing when it
 * collects a generator that never ran, so a recording runtime rewrites the reader's modules
 * (compiled JavaScript, lines kept): each `function*` declaration is rebound, at the top of
 * the block that declares it, to a wrapper that reports every generator it makes and marks
 * it when it first runs. Generator expressions and methods (`function* () {}` as a value,
 * `*method() {}`) are left alone, so theirs go unseen.
 */

/** Where a recording runtime puts {@link coroutineTracker}'s function for the rewritten modules to find. */
export const TRACK_KEY = "asyncio-notebook.coroutine";

const HEAD = /function\s*\*\s*([A-Za-z_$][\w$]*)\s*\(/y;
const KEYWORDS_BEFORE_REGEX = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);

/**
 * `source` with every `function*` declaration rebound to a tracked wrapper: `name =
 * globalThis[Symbol.for(TRACK_KEY)](name);` at the start of the module or of the block that
 * declares it (a declaration is initialised when its block is entered, so the wrapper is in
 * place before any call). Strings, comments, template literals and regular expressions are
 * skipped; only the lines that open those blocks change, and only after their `{`.
 */
export function trackCoroutineDeclarations(source: string): string {
  // Insertions by offset: 0 for the module, else just after the block's `{`.
  const inserts = new Map<number, string[]>();
  const blocks: number[] = []; // offsets just after each open `{` (-1: a template's `${`; -2: a switch's body)
  const parens: string[] = []; // the word before each open `(`
  let closed = ""; // the word before the `(` the last `)` closed: `switch` before its body's `{`
  let lastSignificant = ""; // the last token-ish character or word, to tell `/` regex from division
  let i = 0;
  const n = source.length;
  const add = (at: number, name: string): void => {
    let list = inserts.get(at);
    if (!list) inserts.set(at, (list = []));
    list.push(`${name} = globalThis[Symbol.for(${JSON.stringify(TRACK_KEY)})](${name}); `);
  };
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      i = source.indexOf("\n", i);
      if (i < 0) break;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipString(source, i, c);
      lastSignificant = "a";
      continue;
    }
    if (c === "`") {
      i = skipTemplate(source, i + 1, blocks);
      lastSignificant = "a";
      continue;
    }
    if (c === "/") {
      if (regexAllowed(lastSignificant)) {
        i = skipRegex(source, i);
        lastSignificant = "a";
      } else {
        i++;
        lastSignificant = "/";
      }
      continue;
    }
    if (c === "(" || c === ")") {
      if (c === "(") parens.push(lastSignificant);
      else closed = parens.pop() ?? "";
      lastSignificant = c;
      i++;
      continue;
    }
    if (c === "{") {
      // Nothing may come before a switch body's first `case`: its declarations go untracked.
      blocks.push(lastSignificant === ")" && closed === "switch" ? -2 : i + 1);
      lastSignificant = "{";
      i++;
      continue;
    }
    if (c === "}") {
      const open = blocks.pop();
      i++;
      // The end of a template's `${...}`: back inside the template.
      if (open === -1) i = skipTemplate(source, i, blocks);
      lastSignificant = "a";
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const start = i;
      while (i < n && /[\w$]/.test(source[i]!)) i++;
      const word = source.slice(start, i);
      const before = start > 0 ? source[start - 1]! : "";
      if (word === "function" && before !== "." && !/[\w$]/.test(before)) {
        HEAD.lastIndex = start;
        const head = HEAD.exec(source);
        // A declaration, not an expression: it starts a statement.
        const block = blocks.length === 0 ? 0 : blocks[blocks.length - 1]!;
        if (head && block >= 0 && startsStatement(lastSignificant, firstOnLine(source, start))) add(block, head[1]!);
      }
      lastSignificant = word;
      continue;
    }
    if (!/\s/.test(c)) lastSignificant = c;
    i++;
  }
  if (inserts.size === 0) return source;
  let out = "";
  let from = 0;
  for (const at of [...inserts.keys()].sort((a, b) => a - b)) {
    if (at < 0) continue;
    out += source.slice(from, at) + inserts.get(at)!.join("");
    from = at;
  }
  return out + source.slice(from);
}

/**
 * A declaration begins a statement: at the start, after `;`, `{`, `}`, `export` or `export
 * default`, or first on its line after anything that cannot go on (a statement without `;`).
 */
function startsStatement(last: string, lineStart: boolean): boolean {
  if (last === "" || last === ";" || last === "{" || last === "a" || last === "export" || last === "default") return true;
  return lineStart && !KEYWORDS_BEFORE_REGEX.has(last) && !/^[=(,:?[&|+\-*%<>!~^/.]$/.test(last);
}

function firstOnLine(source: string, at: number): boolean {
  for (let j = at - 1; j >= 0; j--) {
    const c = source[j]!;
    if (c === "\n") return true;
    if (c !== " " && c !== "\t") return false;
  }
  return true;
}

function regexAllowed(last: string): boolean {
  if (last === "" || KEYWORDS_BEFORE_REGEX.has(last)) return true;
  if (last.length > 1 || /[\w$]/.test(last)) return false;
  return last !== ")" && last !== "]" && last !== "a";
}

function skipString(source: string, i: number, quote: string): number {
  for (let j = i + 1; j < source.length; j++) {
    const c = source[j];
    if (c === "\\") j++;
    else if (c === quote || c === "\n") return j + 1;
  }
  return source.length;
}

/** From just inside a template (or after a `${...}`'s `}`) to just past its end, or into its next `${`. */
function skipTemplate(source: string, i: number, blocks: number[]): number {
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === "\\") j++;
    else if (c === "`") return j + 1;
    else if (c === "$" && source[j + 1] === "{") {
      blocks.push(-1);
      return j + 2;
    }
  }
  return source.length;
}

function skipRegex(source: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < source.length; j++) {
    const c = source[j];
    if (c === "\\") j++;
    else if (c === "\n") return j;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) {
      j++;
      while (j < source.length && /[a-z]/i.test(source[j]!)) j++;
      return j;
    }
  }
  return source.length;
}

type GeneratorFn = (...args: unknown[]) => Generator;

const generatorPrototype = Object.getPrototypeOf(function* () {}.prototype) as Generator;
const { next, throw: throwInto, return: returnFrom } = generatorPrototype;

// A tracked generator's own next/throw/return: mark it started (as the library's own
// coroutines do, see `coroutineStarted`), then do what a generator does.
function startedNext(this: Generator & { _started: boolean }, value?: unknown): IteratorResult<unknown> {
  this._started = true;
  return next.call(this, value);
}
function startedThrow(this: Generator & { _started: boolean }, error: unknown): IteratorResult<unknown> {
  this._started = true;
  return throwInto.call(this, error);
}
function startedReturn(this: Generator & { _started: boolean }, value: unknown): IteratorResult<unknown> {
  this._started = true;
  return returnFrom.call(this, value);
}

/**
 * The function the rewritten modules call with each `function*` they declare: it returns a
 * wrapper that passes every generator it makes to `made` (with the function's name), marked
 * unstarted until its first `next`, `throw` or `return`. The wrapper is still a generator
 * function to `isCoroutineFunction` and `instanceof`, with the same name and length.
 */
export function coroutineTracker(made: (coro: object, name: string) => void): (fn: GeneratorFn) => GeneratorFn {
  return (fn) => {
    if (typeof fn !== "function") return fn;
    const name = fn.name;
    const wrapper = function (this: unknown, ...args: unknown[]): Generator {
      const coro = fn.apply(this, args) as Generator & { _started: boolean };
      coro._started = false;
      coro.next = startedNext;
      coro.throw = startedThrow;
      coro.return = startedReturn;
      made(coro, name);
      return coro;
    };
    Object.setPrototypeOf(wrapper, Object.getPrototypeOf(fn));
    Object.defineProperty(wrapper, "name", { value: name });
    Object.defineProperty(wrapper, "length", { value: fn.length });
    wrapper.prototype = fn.prototype;
    return wrapper as GeneratorFn;
  };
}
