/** Python-style `repr()` of values, callbacks and errors, for asyncio's messages (CPython's `format_helpers.py` and `reprlib`). */

/**
 * The Python `repr()` of a JavaScript value, as asyncio's messages show it:
 * `'text'` for strings, `None`/`True`/`False`, `[1, 2]`, `{'a': 1}`, `b'..'` for
 * bytes, `ValueError('boom')` for errors, an object's own `toString()` when it defines
 * one (Futures, Tasks and Handles do), else `<ClassName object>`.
 */
export function repr(value: unknown): string {
  return reprValue(value, new Set(), Infinity);
}

/**
 * `repr()` shortened like Python's `reprlib.repr`: strings and other reprs past 30
 * characters are cut in the middle (`'aaaaaaaaaaaa...aaaaaaaaaaaaa'`), lists past 6
 * items end with `...`. Used for results and callback arguments in reprs.
 */
export function shortRepr(value: unknown): string {
  if (typeof value === "string") {
    const s = pyStr(value.slice(0, MAX_STRING));
    if (s.length <= MAX_STRING) return s;
    const i = Math.max(0, Math.floor((MAX_STRING - 3) / 2));
    const j = Math.max(0, MAX_STRING - 3 - i);
    const t = pyStr(value.slice(0, i) + value.slice(value.length - j));
    return t.slice(0, i) + "..." + t.slice(t.length - j);
  }
  const s = reprValue(value, new Set(), MAX_LIST);
  if (typeof value === "object" && value !== null && (Array.isArray(value) || value instanceof Set)) return s;
  if (s.length <= MAX_OTHER) return s;
  const i = Math.max(0, Math.floor((MAX_OTHER - 3) / 2));
  const j = Math.max(0, MAX_OTHER - 3 - i);
  return s.slice(0, i) + "..." + s.slice(s.length - j);
}

const MAX_STRING = 30;
const MAX_OTHER = 30;
const MAX_LIST = 6;

/** A callback and its arguments as asyncio prints them: `print('hi', 1)` (Python: `_format_callback_source`). */
export function formatCallback(callback: unknown, args: readonly unknown[] | null): string {
  const items = args === null ? "" : args.map(shortRepr).join(", ");
  return `${functionName(callback)}(${items})`;
}

/** The name of a function for messages; `<anonymous>` when it has none. */
export function functionName(fn: unknown): string {
  if (typeof fn === "function" && typeof fn.name === "string" && fn.name !== "") return fn.name;
  return typeof fn === "function" ? "<anonymous>" : repr(fn);
}

/** The class name of an error, as Python's `type(e).__name__` would show it. */
export function errorName(error: Error): string {
  const name = error.name;
  // A subclass that does not set `name` still says "Error"; its constructor knows better.
  if (name === "Error" && typeof error.constructor === "function" && error.constructor.name) {
    return error.constructor.name;
  }
  return name;
}

/** An error with its stack for the log, like the traceback Python's logger appends. */
export function formatException(error: unknown): string {
  if (error instanceof Error) {
    const stack = error.stack;
    const head = error instanceof AggregateError ? String(error) : `${errorName(error)}: ${error.message}`;
    if (typeof stack !== "string" || stack === "") return head;
    return stack;
  }
  return `${repr(error)} (a non-Error value was thrown)`;
}

/**
 * Best-effort name of the generator function a task runs, read off a stack trace.
 *
 * JavaScript cannot ask a generator object for its function, but engines name the
 * frames of running generators: V8 prints `at main.next (<anonymous>)` just above the
 * `Task._step` frame that resumed it; SpiderMonkey and JavaScriptCore print `main@...`.
 * Returns `null` if `stack` has no such frame.
 */
export function coroutineNameFromStack(stack: string): string | null {
  const lines = stack.split("\n");
  const stepAt = lines.findIndex((line) => /[\s.@]_step\b|^_step@/.test(line));
  if (stepAt <= 0) return null;
  for (let i = stepAt - 1; i >= 0; i--) {
    const line = lines[i]!;
    const v8 = /^\s*at (?:async )?(.+?)\.(?:next|throw|return) \(/.exec(line);
    if (v8 !== null) return v8[1] === "Generator" ? null : v8[1]!;
    const other = /^([^@\s]*)@/.exec(line.trim());
    if (other !== null) {
      // Skip the generator machinery and the task's own frames above `_step`.
      if (/^(next|throw|return|)$|^_step/.test(other[1]!)) continue;
      return other[1]!;
    }
  }
  return null;
}

function reprValue(value: unknown, seen: Set<object>, maxItems: number): string {
  switch (typeof value) {
    case "undefined":
      return "None";
    case "boolean":
      return value ? "True" : "False";
    case "number":
      if (Number.isNaN(value)) return "nan";
      if (value === Infinity) return "inf";
      if (value === -Infinity) return "-inf";
      return String(value);
    case "bigint":
      return String(value);
    case "string":
      return pyStr(value);
    case "symbol":
      return value.toString();
    case "function":
      return `<function ${functionName(value)}>`;
  }
  if (value === null) return "None";
  const obj = value as object;
  if (seen.has(obj)) return Array.isArray(obj) ? "[...]" : "{...}";
  seen.add(obj);
  try {
    if (obj instanceof Error) return reprError(obj, seen);
    if (Array.isArray(obj)) return `[${items(obj, seen, maxItems)}]`;
    if (obj instanceof Uint8Array) return pyBytes(obj);
    if (obj instanceof Set) return obj.size === 0 ? "set()" : `{${items([...obj], seen, maxItems)}}`;
    if (obj instanceof Map) {
      const parts = [...obj].map(([k, v]) => `${reprValue(k, seen, maxItems)}: ${reprValue(v, seen, maxItems)}`);
      return `{${parts.join(", ")}}`;
    }
    const proto = Object.getPrototypeOf(obj);
    if (proto === Object.prototype || proto === null) {
      const parts = Object.entries(obj).map(([k, v]) => `${pyStr(k)}: ${reprValue(v, seen, maxItems)}`);
      return `{${parts.join(", ")}}`;
    }
    if (typeof (obj as { toString?: unknown }).toString === "function" && obj.toString !== Object.prototype.toString) {
      return String(obj);
    }
    const ctor = (obj as { constructor?: { name?: string } }).constructor;
    return `<${ctor?.name || "Object"} object>`;
  } finally {
    seen.delete(obj);
  }
}

function items(list: readonly unknown[], seen: Set<object>, maxItems: number): string {
  const shown = list.length > maxItems ? list.slice(0, maxItems) : list;
  const parts = shown.map((v) => reprValue(v, seen, maxItems));
  if (list.length > maxItems) parts.push("...");
  return parts.join(", ");
}

function reprError(error: Error, seen: Set<object>): string {
  const name = errorName(error);
  if (error instanceof AggregateError) {
    return `${name}(${pyStr(error.message)}, [${items(error.errors, seen, Infinity)}])`;
  }
  return error.message === "" ? `${name}()` : `${name}(${pyStr(error.message)})`;
}

/** Python's `repr(str)`: single quotes unless the text has one and no double quote. */
function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}

/** Python's `repr(bytes)`: `b'GET / HTTP/1.1\r\n'`. */
function pyBytes(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  let out = "b" + quote;
  for (const b of bytes) {
    if (b === quote.charCodeAt(0) || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x09) out += "\\t";
    else if (b < 0x20 || b >= 0x7f) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += String.fromCharCode(b);
  }
  return out + quote;
}
