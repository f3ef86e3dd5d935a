/**
 * `console.log` text the way Node prints it: `util.format` and `util.inspect` without colour.
 *
 * The worker runtime prints through this so that a snippet's output is the same text in the
 * browser as under `node snippet.js` (the Node-side check and the WebContainer). It follows
 * Node 24's `lib/internal/util/inspect.js` for what snippets print: primitives, strings
 * (quoting and escaping), arrays (with Node's grouping of long arrays into columns), plain and
 * class objects, null-prototype objects, Map, Set, typed arrays, ArrayBuffer, Date, RegExp,
 * functions and classes, Errors (stack, extra properties, `cause`, `errors`), boxed
 * primitives, getters, circular references, the depth limit, `Symbol.toStringTag`, and the
 * `Symbol.for("nodejs.util.inspect.custom")` hook.
 *
 * What a browser cannot see is approximated: a Promise prints as `Promise { <pending> }`
 * (its state is not observable synchronously), Map/Set iterators print without their
 * entries, proxies print as their target. `%o` shows non-enumerable own properties but not
 * inherited accessors.
 */

/** The options of `util.inspect` this module honours. */
export interface InspectOptions {
  depth: number;
  showHidden: boolean;
  customInspect: boolean;
  maxArrayLength: number;
  maxStringLength: number;
  breakLength: number;
  compact: number;
}

const DEFAULTS: InspectOptions = {
  depth: 2,
  showHidden: false,
  customInspect: true,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
};

interface Context extends InspectOptions {
  seen: unknown[];
  indentationLvl: number;
  currentDepth: number;
  circular?: Map<unknown, number>;
}

/** Node's `util.inspect.custom`. */
export const customInspectSymbol = Symbol.for("nodejs.util.inspect.custom");

const OBJECT_TYPE = 0;
const ARRAY_TYPE = 1;
const ARRAY_EXTRAS_TYPE = 2;
const MIN_LINE_LENGTH = 16;

const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);
const toStringTagOf = (value: unknown): string => Object.prototype.toString.call(value).slice(8, -1);

const BUILT_IN_OBJECTS = new Set(
  Object.getOwnPropertyNames(globalThis).filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)),
);

/**
 * `util.inspect(value, options)`: a string showing `value` the way Node shows it.
 */
export function inspect(value: unknown, options: Partial<InspectOptions> = {}): string {
  const ctx: Context = { ...DEFAULTS, ...options, seen: [], indentationLvl: 0, currentDepth: 0 };
  return formatValue(ctx, value, 0);
}

/**
 * `util.format(...args)`: what `console.log(...args)` prints, without the newline.
 *
 * A first string argument may hold `%s %d %i %f %j %o %O %c %%` placeholders; remaining
 * arguments are appended with a space, strings as they are and anything else inspected.
 */
export function format(...args: unknown[]): string {
  const first = args[0];
  let a = 0;
  let str = "";
  let join = "";

  if (typeof first === "string") {
    if (args.length === 1) return first;
    let lastPos = 0;
    let tempStr = "";
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const nextChar = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            const arg = args[++a];
            if (typeof arg === "number") tempStr = formatNumber(arg);
            else if (typeof arg === "bigint") tempStr = `${arg}n`;
            else if (typeof arg !== "object" || arg === null || !hasBuiltInToString(arg)) tempStr = String(arg);
            else tempStr = inspect(arg, { depth: 0 });
            break;
          }
          case 106: // 'j'
            tempStr = tryStringify(args[++a]);
            break;
          case 100: { // 'd'
            const arg = args[++a];
            if (typeof arg === "bigint") tempStr = `${arg}n`;
            else if (typeof arg === "symbol") tempStr = "NaN";
            else tempStr = formatNumber(Number(arg));
            break;
          }
          case 79: // 'O'
            tempStr = inspect(args[++a]);
            break;
          case 111: // 'o'
            tempStr = inspect(args[++a], { showHidden: true, depth: 4 });
            break;
          case 105: { // 'i'
            const arg = args[++a];
            if (typeof arg === "bigint") tempStr = `${arg}n`;
            else if (typeof arg === "symbol") tempStr = "NaN";
            else tempStr = formatNumber(Number.parseInt(arg as string));
            break;
          }
          case 102: { // 'f'
            const arg = args[++a];
            tempStr = typeof arg === "symbol" ? "NaN" : formatNumber(Number.parseFloat(arg as string));
            break;
          }
          case 99: // 'c'
            a += 1;
            tempStr = "";
            break;
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = " ";
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }

  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== "string" ? inspect(value) : value;
    join = " ";
    a++;
  }
  return str;
}

function tryStringify(value: unknown): string {
  try {
    return JSON.stringify(value) as string;
  } catch (error) {
    if (error instanceof TypeError && /circular/i.test(error.message)) return "[Circular]";
    throw error;
  }
}

function hasBuiltInToString(value: object): boolean {
  const object = value as Record<PropertyKey, unknown>;
  let hasOwnToString = hasOwn;
  let hasOwnToPrimitive = hasOwn;
  const never = (): boolean => false;
  if (typeof object.toString !== "function") {
    if (typeof object[Symbol.toPrimitive] !== "function") return true;
    if (hasOwn(value, Symbol.toPrimitive)) return false;
    hasOwnToString = never;
  } else if (hasOwn(value, "toString")) {
    return false;
  } else if (typeof object[Symbol.toPrimitive] !== "function") {
    hasOwnToPrimitive = never;
  } else if (hasOwn(value, Symbol.toPrimitive)) {
    return false;
  }
  let pointer: object | null = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (pointer !== null && !hasOwnToString(pointer, "toString") && !hasOwnToPrimitive(pointer, Symbol.toPrimitive));
  if (pointer === null) return true;
  const descriptor = Object.getOwnPropertyDescriptor(pointer, "constructor");
  return typeof descriptor?.value === "function" && BUILT_IN_OBJECTS.has(descriptor.value.name);
}

// ---------------------------------------------------------------------------------------
// Primitives

const META = [
  "\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\x07",
  "\\b", "\\t", "\\n", "\\x0B", "\\f", "\\r", "\\x0E", "\\x0F",
  "\\x10", "\\x11", "\\x12", "\\x13", "\\x14", "\\x15", "\\x16", "\\x17",
  "\\x18", "\\x19", "\\x1A", "\\x1B", "\\x1C", "\\x1D", "\\x1E", "\\x1F",
];

/** Control characters, C1 controls, lone surrogates, and (unless the quote changes) `'` and `\`. */
const ESCAPE = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPE_KEEP_QUOTE = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 32) return META[code]!;
  if (char === "'") return "\\'";
  if (char === "\\") return "\\\\";
  if (code >= 0x7f && code <= 0x9f) return `\\x${code.toString(16).toUpperCase()}`;
  return `\\u${code.toString(16)}`;
}

function strEscape(str: string): string {
  let escape = ESCAPE;
  let quote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes("`") && !str.includes("${")) quote = "`";
    if (quote !== "'") escape = ESCAPE_KEEP_QUOTE;
  }
  escape.lastIndex = 0;
  return `${quote}${str.replace(escape, escapeChar)}${quote}`;
}

function formatNumber(number: number): string {
  return Object.is(number, -0) ? "-0" : `${number}`;
}

function formatPrimitive(value: unknown, ctx: Context): string {
  if (typeof value === "string") {
    let trailer = "";
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
    }
    const text = value as string;
    if (text.length > MIN_LINE_LENGTH && text.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return text
        .split(/(?<=\n)/)
        .map((line) => strEscape(line))
        .join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return strEscape(text) + trailer;
  }
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "boolean" || value === undefined) return `${value}`;
  return (value as symbol).toString();
}

// ---------------------------------------------------------------------------------------
// Objects

function formatValue(ctx: Context, value: unknown, recurseTimes: number): string {
  if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(value, ctx);
  if (value === null) return "null";
  const object = value as Record<PropertyKey, unknown>;

  if (ctx.customInspect) {
    const custom = object[customInspectSymbol];
    if (
      typeof custom === "function" &&
      (Object.getOwnPropertyDescriptor(value, "constructor")?.value as { prototype?: unknown } | undefined)
        ?.prototype !== value
    ) {
      const depth = ctx.depth - recurseTimes;
      const { seen, indentationLvl, currentDepth, circular, ...options } = ctx;
      const result: unknown = custom.call(value, depth, { ...options, stylize: (s: string) => s }, inspect);
      if (result !== value) {
        if (typeof result !== "string") return formatValue(ctx, result, recurseTimes);
        return result.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map([[value, index]]);
    } else {
      const known = ctx.circular.get(value);
      if (known === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      } else {
        index = known;
      }
    }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value, recurseTimes);
}

function isInstanceof(object: unknown, constructor: Function): boolean {
  try {
    return object instanceof constructor;
  } catch {
    return false;
  }
}

function getConstructorName(value: object, ctx: Context, recurseTimes: number): string | null {
  let firstProto: object | null | undefined;
  let object: object | null = value;
  while (object) {
    const descriptor = Object.getOwnPropertyDescriptor(object, "constructor");
    if (
      descriptor !== undefined &&
      typeof descriptor.value === "function" &&
      descriptor.value.name !== "" &&
      isInstanceof(value, descriptor.value)
    ) {
      return String(descriptor.value.name);
    }
    object = Object.getPrototypeOf(object);
    if (firstProto === undefined) firstProto = object;
  }
  if (firstProto === null) return null;
  const internal = typeof value === "function" ? "Function" : "Object";
  if (recurseTimes > ctx.depth) return `${internal} <Complex prototype>`;
  const protoName = getConstructorName(firstProto!, ctx, recurseTimes + 1);
  if (protoName === null) {
    return `${internal} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
  }
  return `${internal} <${protoName}>`;
}

function getPrefix(constructor: string | null, tag: string, fallback: string, size = ""): string {
  if (constructor === null) {
    if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  let result = `${constructor}${size} `;
  if (tag !== "") {
    const position = constructor.indexOf(tag);
    if (position === -1) {
      result += `[${tag}] `;
    } else {
      const endPos = position + tag.length;
      if (endPos !== constructor.length && constructor[endPos] === constructor[endPos]!.toLowerCase()) {
        result += `[${tag}] `;
      }
    }
  }
  return result;
}

function getKeys(value: object, showHidden: boolean): PropertyKey[] {
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) return [...Object.getOwnPropertyNames(value), ...symbols];
  const keys: PropertyKey[] = Object.keys(value);
  for (const symbol of symbols) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  return keys;
}

const isIndex = (key: PropertyKey): boolean => typeof key === "string" && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;

function getNonIndexKeys(value: object, showHidden: boolean): PropertyKey[] {
  return Reflect.ownKeys(value).filter(
    (key) => !isIndex(key) && (showHidden || Object.prototype.propertyIsEnumerable.call(value, key)),
  );
}

function getCtxStyle(value: object, constructor: string | null, tag: string): string {
  let fallback = "";
  if (constructor === null) {
    fallback = toStringTagOf(value) === "Function" ? "Function" : "Object";
    if (fallback === tag) fallback = "Object";
  }
  return getPrefix(constructor, tag, fallback);
}

// biome-ignore lint/suspicious/noExplicitAny: each formatter declares the kind of value it takes
type Formatter = (ctx: Context, value: any, recurseTimes: number) => string[];
const noEntries: Formatter = () => [];

function formatRaw(ctx: Context, value: object, recurseTimes: number): string {
  const constructor = getConstructorName(value, ctx, recurseTimes);
  let tag = "";
  try {
    const found = (value as Record<PropertyKey, unknown>)[Symbol.toStringTag];
    if (
      typeof found === "string" &&
      (found === "" ||
        !(ctx.showHidden ? hasOwn(value, Symbol.toStringTag) : Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag)))
    ) {
      tag = found;
    }
  } catch {
    // A throwing getter is ignored, as Node does.
  }

  let keys: PropertyKey[];
  let base = "";
  let formatter: Formatter = noEntries;
  let braces: [string, string] = ["{", "}"];
  let extrasType = OBJECT_TYPE;
  let extraKeys: string[] | undefined;

  if (Array.isArray(value)) {
    const prefix = constructor !== "Array" || tag !== "" ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
    keys = getNonIndexKeys(value, ctx.showHidden);
    braces = [`${prefix}[`, "]"];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = ARRAY_EXTRAS_TYPE;
    formatter = formatArray;
  } else if (value instanceof Set) {
    const prefix = getPrefix(constructor, tag, "Set", `(${value.size})`);
    keys = getKeys(value, ctx.showHidden);
    if (value.size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
    formatter = formatSet;
  } else if (value instanceof Map) {
    const prefix = getPrefix(constructor, tag, "Map", `(${value.size})`);
    keys = getKeys(value, ctx.showHidden);
    if (value.size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
    formatter = formatMap;
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const typed = value as unknown as ArrayLike<number | bigint>;
    keys = getNonIndexKeys(value, ctx.showHidden);
    const prefix = getPrefix(constructor, tag, "", `(${typed.length})`);
    braces = [`${prefix}[`, "]"];
    if (typed.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
    formatter = formatTypedArray;
    extrasType = ARRAY_EXTRAS_TYPE;
    if (ctx.showHidden) extraKeys = ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"];
  } else {
    keys = getKeys(value, ctx.showHidden);
    const stringTag = toStringTagOf(value);
    if (typeof value === "function") {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0) return base;
    } else if (constructor === "Object") {
      if (stringTag === "Arguments") braces[0] = "[Arguments] {";
      else if (tag !== "") braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      const prefix = getPrefix(constructor, tag, "RegExp");
      if (prefix !== "RegExp ") base = `${prefix}${base}`;
      if (keys.length === 0 || recurseTimes > ctx.depth) return base;
    } else if (value instanceof Date) {
      base = Number.isNaN(value.getTime()) ? value.toString() : value.toISOString();
      const prefix = getPrefix(constructor, tag, "Date");
      if (prefix !== "Date ") base = `${prefix}${base}`;
      if (keys.length === 0) return base;
    } else if (value instanceof Error || stringTag === "Error") {
      base = formatError(value as Error, constructor, tag, ctx, keys);
      if (keys.length === 0) return base;
    } else if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === "function" && value instanceof SharedArrayBuffer)) {
      const prefix = getPrefix(constructor, tag, value instanceof ArrayBuffer ? "ArrayBuffer" : "SharedArrayBuffer");
      formatter = formatArrayBuffer;
      braces[0] = `${prefix}{`;
      extraKeys = ["byteLength"];
    } else if (value instanceof DataView) {
      braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
      extraKeys = ["byteLength", "byteOffset", "buffer"];
    } else if (value instanceof Promise) {
      braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
      formatter = () => ["<pending>"];
    } else if (value instanceof WeakSet || value instanceof WeakMap) {
      braces[0] = `${getPrefix(constructor, tag, value instanceof WeakSet ? "WeakSet" : "WeakMap")}{`;
      formatter = () => ["<items unknown>"];
    } else if (stringTag === "Module" && constructor === null) {
      braces[0] = `${getPrefix(constructor, tag, "Module")}{`;
    } else if (isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0) return base;
    } else {
      if (keys.length === 0) return `${getCtxStyle(value, constructor, tag)}{}`;
      braces[0] = `${getCtxStyle(value, constructor, tag)}{`;
    }
  }

  if (recurseTimes > ctx.depth) {
    let name = getCtxStyle(value, constructor, tag).slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return name;
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value, recurseTimes);
  if (extraKeys !== undefined) {
    for (const key of extraKeys) {
      ctx.indentationLvl += 2;
      const text = formatValue(ctx, (value as Record<string, unknown>)[key], recurseTimes);
      ctx.indentationLvl -= 2;
      output.push(`[${key}]: ${text}`);
    }
  }
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));

  const index = ctx.circular?.get(value);
  if (index !== undefined) {
    const reference = `<ref *${index}>`;
    base = base === "" ? reference : `${reference} ${base}`;
  }
  ctx.seen.pop();
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function isBoxedPrimitive(value: object): boolean {
  return (
    value instanceof Number || value instanceof String || value instanceof Boolean ||
    (typeof BigInt === "function" && toStringTagOf(value) === "BigInt") ||
    (toStringTagOf(value) === "Symbol" && typeof (value as { valueOf?: unknown }).valueOf === "function")
  );
}

function getBoxedBase(value: object, ctx: Context, keys: PropertyKey[], constructor: string | null, tag: string): string {
  let type: string;
  let primitive: unknown;
  if (value instanceof Number) {
    type = "Number";
    primitive = value.valueOf();
  } else if (value instanceof String) {
    type = "String";
    primitive = value.valueOf();
    keys.splice(0, value.length);
  } else if (value instanceof Boolean) {
    type = "Boolean";
    primitive = value.valueOf();
  } else if (toStringTagOf(value) === "BigInt") {
    type = "BigInt";
    primitive = BigInt.prototype.valueOf.call(value);
  } else {
    type = "Symbol";
    primitive = Symbol.prototype.valueOf.call(value);
  }
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? " (null prototype)" : ` (${constructor})`;
  base += `: ${formatPrimitive(primitive, { ...ctx, seen: [], indentationLvl: 0, currentDepth: 0 })}]`;
  if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
  return base;
}

function getFunctionBase(value: Function, constructor: string | null, tag: string): string {
  const source = Function.prototype.toString.call(value);
  if (source.startsWith("class") && source.endsWith("}")) {
    const slice = source.slice(5, -1);
    const bracket = slice.indexOf("{");
    if (
      bracket !== -1 &&
      (!slice.slice(0, bracket).includes("(") ||
        /^(\s+[^(]*?)\s*{/.test(slice.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, "")))
    ) {
      return getClassBase(value, constructor, tag);
    }
  }
  const stringTag = toStringTagOf(value);
  let type = "Function";
  if (stringTag === "GeneratorFunction" || stringTag === "AsyncGeneratorFunction") type = `Generator${type}`;
  if (stringTag === "AsyncFunction" || stringTag === "AsyncGeneratorFunction") type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += " (null prototype)";
  base += value.name === "" ? " (anonymous)" : `: ${typeof value.name === "string" ? value.name : inspect(value.name)}`;
  base += "]";
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function getClassBase(value: Function, constructor: string | null, tag: string): string {
  const name = (hasOwn(value, "name") && value.name) || "(anonymous)";
  let base = `class ${name}`;
  if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = (Object.getPrototypeOf(value) as { name?: string }).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += " extends [null prototype]";
  }
  return `[${base}]`;
}

// ---------------------------------------------------------------------------------------
// Errors

function identicalSequenceRange(a: string[], b: string[]): [number, number] {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]!);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = Math.min(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return [len, i];
      }
    }
  }
  return [0, 0];
}

function getStackString(error: Error): string {
  let stack: unknown;
  try {
    stack = error.stack;
  } catch {
    // A throwing getter is ignored.
  }
  return typeof stack === "string" && stack !== "" ? stack : Error.prototype.toString.call(error);
}

function getStackFrames(error: Error, stack: string): string[] {
  const frames = stack.split("\n");
  let cause: unknown;
  try {
    cause = (error as { cause?: unknown }).cause;
  } catch {
    // Ignored, as Node does.
  }
  if (cause != null && (cause instanceof Error || toStringTagOf(cause) === "Error")) {
    const causeStack = getStackString(cause as Error);
    const causeStackStart = causeStack.indexOf("\n    at");
    if (causeStackStart !== -1) {
      const causeFrames = causeStack.slice(causeStackStart + 1).split("\n");
      const [len, offset] = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        frames.splice(offset + 1, skipped, `    ... ${skipped} lines matching cause stack trace ...`);
      }
    }
  }
  return frames;
}

function improveStack(stack: string, constructor: string | null, name: string, tag: string): string {
  let len = name.length;
  if (
    constructor === null ||
    (name.endsWith("Error") &&
      stack.startsWith(name) &&
      (stack.length === len || stack[len] === ":" || stack[len] === "\n"))
  ) {
    let fallback = "Error";
    if (constructor === null) {
      const start =
        /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/.exec(stack) ?? /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = start?.[1] ?? "";
      len = fallback.length;
      fallback ||= "Error";
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

function formatError(error: Error, constructor: string | null, tag: string, ctx: Context, keys: PropertyKey[]): string {
  let stack = getStackString(error);
  let message: unknown;
  let name: unknown;
  try {
    message = error.message;
  } catch {
    // Ignored.
  }
  try {
    name = error.name;
  } catch {
    // Ignored.
  }
  const remove = (key: string): void => {
    const index = keys.indexOf(key);
    if (index !== -1) keys.splice(index, 1);
  };
  if (!ctx.showHidden && keys.length !== 0) {
    remove("stack");
    if (typeof message !== "string" || stack.includes(message)) remove("message");
    if (typeof name !== "string" || stack.includes(name)) remove("name");
  }
  const errorName = typeof name === "string" ? name : String(name ?? "Error");
  if (hasOwn(error, "cause") && !keys.includes("cause")) keys.push("cause");
  try {
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors) && hasOwn(error, "errors") && !keys.includes("errors")) keys.push("errors");
  } catch {
    // Ignored.
  }

  stack = improveStack(stack, constructor, errorName, tag);

  let pos = (typeof message === "string" && message !== "" && stack.indexOf(message)) || -1;
  if (pos !== -1) pos += (message as string).length;
  const stackStart = stack.indexOf("\n    at", pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    const frames = getStackFrames(error, stack.slice(stackStart + 1));
    stack = `${stack.slice(0, stackStart)}\n${frames.join("\n")}`;
  }
  if (ctx.indentationLvl !== 0) stack = stack.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
  return stack;
}

// ---------------------------------------------------------------------------------------
// Entries

const remainingText = (remaining: number): string => `... ${remaining} more item${remaining > 1 ? "s" : ""}`;

function formatArray(ctx: Context, value: unknown[], recurseTimes: number): string[] {
  const length = value.length;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output: string[] = [];
  let index = 0;
  while (index < length && output.length < maxLength) {
    if (!hasOwn(value, index)) {
      let end = index + 1;
      while (end < length && !hasOwn(value, end)) end++;
      const empty = end - index;
      output.push(`<${empty} empty item${empty > 1 ? "s" : ""}>`);
      index = end;
      continue;
    }
    output.push(formatProperty(ctx, value, recurseTimes, index, ARRAY_TYPE));
    index++;
  }
  const remaining = length - index;
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

function formatTypedArray(ctx: Context, value: ArrayLike<number | bigint>, _recurseTimes: number): string[] {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), value.length);
  const output: string[] = [];
  for (let i = 0; i < maxLength; i++) {
    const element = value[i]!;
    output.push(typeof element === "bigint" ? `${element}n` : formatNumber(element));
  }
  if (value.length > maxLength) output.push(remainingText(value.length - maxLength));
  return output;
}

function formatArrayBuffer(ctx: Context, value: ArrayBuffer): string[] {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return ["(detached)"];
  }
  const shown = Array.from(bytes.subarray(0, Math.min(ctx.maxArrayLength, bytes.length)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  );
  let str = shown.join(" ");
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
  return [`[Uint8Contents]: <${str}>`];
}

function formatSet(ctx: Context, value: Set<unknown>, recurseTimes: number): string[] {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), value.size);
  const output: string[] = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const entry of value) {
    if (i++ >= maxLength) break;
    output.push(formatValue(ctx, entry, recurseTimes));
  }
  if (value.size > maxLength) output.push(remainingText(value.size - maxLength));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx: Context, value: Map<unknown, unknown>, recurseTimes: number): string[] {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), value.size);
  const output: string[] = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const [key, entry] of value) {
    if (i++ >= maxLength) break;
    output.push(`${formatValue(ctx, key, recurseTimes)} => ${formatValue(ctx, entry, recurseTimes)}`);
  }
  if (value.size > maxLength) output.push(remainingText(value.size - maxLength));
  ctx.indentationLvl -= 2;
  return output;
}

function formatProperty(ctx: Context, value: object, recurseTimes: number, key: PropertyKey, type: number): string {
  let str: string;
  const desc = Object.getOwnPropertyDescriptor(value, key) ?? { value: undefined, enumerable: true };
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = desc.set !== undefined ? "[Getter/Setter]" : "[Getter]";
  } else if (desc.set !== undefined) {
    str = "[Setter]";
  } else {
    str = "undefined";
  }
  if (type === ARRAY_TYPE) return str;
  let name: string;
  if (typeof key === "symbol") {
    ESCAPE.lastIndex = 0;
    name = key.toString().replace(ESCAPE, escapeChar);
  } else if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(String(key))) {
    name = key === "__proto__" ? "['__proto__']" : String(key);
  } else {
    name = strEscape(String(key));
  }
  if (desc.enumerable === false) name = `[${name}]`;
  return `${name}: ${str}`;
}

// ---------------------------------------------------------------------------------------
// Layout

function isFullWidth(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f || code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

function isZeroWidth(code: number): boolean {
  return (
    code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) || (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef)
  );
}

function getStringWidth(str: string): number {
  let width = 0;
  for (const char of str.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (isFullWidth(code)) width += 2;
    else if (!isZeroWidth(code)) width++;
  }
  return width;
}

function groupArrayElements(ctx: Context, output: string[], value: unknown): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  // The "... more items" entry does not take part in the grouping.
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = getStringWidth(output[i]!);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp: string[] = [];
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineMaxLength = 0;
      for (let j = i; j < output.length; j += columns) {
        if (dataLen[j]! > lineMaxLength) lineMaxLength = dataLen[j]!;
      }
      maxLineLength.push(lineMaxLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      const entries = value as ArrayLike<unknown>;
      for (let i = 0; i < output.length; i++) {
        if (typeof entries[i] !== "number" && typeof entries[i] !== "bigint") {
          padStart = false;
          break;
        }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = "";
      let j = i;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - i]! + output[j]!.length - dataLen[j]!;
        str += padStart ? `${output[j]}, `.padStart(padding, " ") : `${output[j]}, `.padEnd(padding, " ");
      }
      if (padStart) {
        const padding = maxLineLength[j - i]! + output[j]!.length - dataLen[j]! - separatorSpace;
        str += output[j]!.padStart(padding, " ");
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]!);
    output = tmp;
  }
  return output;
}

function isBelowBreakLength(ctx: Context, output: string[], start: number, base: string): boolean {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    totalLength += entry.length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === "" || !base.includes("\n");
}

function reduceToSingleString(
  ctx: Context,
  output: string[],
  base: string,
  braces: [string, string],
  extrasType: number,
  recurseTimes: number,
  value: unknown,
): string {
  const entries = output.length;
  if (extrasType === ARRAY_EXTRAS_TYPE && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(", ");
      if (!joined.includes("\n")) return `${base ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}
