/**
 * The reference page's model: each export of `asyncio` (and each public member of its classes)
 * beside its Python name, with the contract its TSDoc states. Joins the surface the compiler
 * reads (`extract.ts`) with the hand-written names (`src/loop/python-names.ts`), and lists
 * what keeps the two from agreeing (`referenceProblems`), which the tests require to be nothing.
 */
import { EXPORTS, IDIOMS, MEMBERS, NOT_PORTED, type Idiom, type NotedName, type PythonName } from "../loop/python-names.ts";
import type { ExportDoc, ExportKind, LibrarySurface, MemberDoc } from "./extract.ts";
import { summaryOf } from "./tsdoc.ts";

export interface Row {
  /** Anchor id, unique on the page. */
  id: string;
  /** Python's spelling, or null where asyncio has no counterpart. */
  python: string | null;
  /** Ours, as a program spells it: `asyncio.createTask()`, `Future.addDoneCallback()`. */
  ours: string;
  kind: ExportKind | "method" | "property" | "static method" | "static property";
  /** The TSDoc summary: the contract in one paragraph. */
  summary: string;
  note?: string;
  /** A member row, shown under its class. */
  member?: true;
}

export interface Section {
  id: string;
  title: string;
  rows: Row[];
}

export interface Reference {
  idioms: readonly Idiom[];
  sections: Section[];
  notPorted: readonly NotedName[];
}

/** The page's sections, in reading order, and the source modules each one shows. */
export const SECTIONS: ReadonlyArray<{ id: string; title: string; modules: readonly string[] }> = [
  { id: "coroutines", title: "Coroutines", modules: ["coroutines.ts"] },
  { id: "running", title: "Running a program", modules: ["runners.ts"] },
  { id: "tasks", title: "Tasks, sleeping and waiting", modules: ["tasks.ts", "eager-tasks.ts"] },
  { id: "task-groups", title: "Task groups", modules: ["taskgroups.ts"] },
  { id: "timeouts", title: "Timeouts", modules: ["timeouts.ts"] },
  { id: "futures", title: "Futures", modules: ["futures.ts"] },
  { id: "event-loop", title: "The event loop", modules: ["events.ts", "base-events.ts"] },
  { id: "synchronisation", title: "Synchronisation primitives", modules: ["locks.ts"] },
  { id: "queues", title: "Queues", modules: ["queues.ts"] },
  { id: "exceptions", title: "Exceptions", modules: ["exceptions.ts", "os-errors.ts"] },
  { id: "streams", title: "Streams", modules: ["streams.ts"] },
  { id: "transports", title: "Transports and protocols", modules: ["transports.ts", "transport-memory.ts"] },
  { id: "threads", title: "Threads", modules: ["threads.ts"] },
  { id: "beyond", title: "Beyond asyncio", modules: ["virtual-time.ts", "instruments.ts", "host.ts"] },
];

/** `addDoneCallback` → `add_done_callback`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** `run_coroutine_threadsafe` → `runCoroutineThreadsafe`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function unpack(entry: PythonName): { python: string | null; note?: string } {
  return entry === null || typeof entry === "string" ? { python: entry } : entry;
}

const isInternal = (name: string) => name.startsWith("_");

function exportRow(doc: ExportDoc): Row {
  const { python, note } = unpack(EXPORTS[doc.name] ?? null);
  const call = doc.kind === "function" ? "()" : "";
  return {
    id: `ref-${doc.name}`,
    python,
    ours: `asyncio.${doc.name}${call}`,
    kind: doc.kind,
    summary: summaryOf(doc.doc),
    ...(note ? { note } : {}),
  };
}

/** Python's name of a member: listed in `MEMBERS`, else the mechanical one on the class's Python name. */
function memberPython(owner: ExportDoc, member: MemberDoc): { python: string | null; note?: string } {
  const listed = MEMBERS[`${owner.name}.${member.name}`];
  if (listed !== undefined) return unpack(listed);
  const ownerPython = unpack(EXPORTS[owner.name] ?? null).python;
  if (ownerPython === null) return { python: null };
  const className = ownerPython.split(".").at(-1)!;
  if (member.name === "toString") return { python: `${className}.__repr__()` };
  return { python: `${className}.${snakeCase(member.name)}${member.kind === "method" ? "()" : ""}` };
}

function memberRow(owner: ExportDoc, member: MemberDoc): Row {
  const { python, note } = memberPython(owner, member);
  return {
    id: `ref-${owner.name}-${member.static ? "static-" : ""}${member.name}`,
    python,
    ours: `${owner.name}.${member.name}${member.kind === "method" ? "()" : ""}`,
    kind: member.static ? `static ${member.kind}` : member.kind,
    summary: summaryOf(member.doc),
    ...(note ? { note } : {}),
    member: true,
  };
}

/** The page's model. Rows keep the package's export order within a section. */
export function buildReference(surface: LibrarySurface): Reference {
  const sections: Section[] = SECTIONS.map(({ id, title }) => ({ id, title, rows: [] }));
  const byModule = new Map(SECTIONS.flatMap((section, index) => section.modules.map((module) => [module, sections[index]!] as const)));
  for (const doc of surface.exports) {
    const section = byModule.get(doc.module);
    if (!section) continue; // referenceProblems reports it
    section.rows.push(exportRow(doc));
    for (const member of doc.members) section.rows.push(memberRow(doc, member));
  }
  return { idioms: IDIOMS, sections: sections.filter((section) => section.rows.length > 0), notPorted: NOT_PORTED };
}

/**
 * Everything that keeps the page from being complete and true, one line each: an export or a
 * public member without a TSDoc summary, an internal (`_`-prefixed) export, an export missing from `python-names.ts`, an entry
 * there that names nothing exported, an export whose module has no section, entries that do
 * not export the same names.
 */
export function referenceProblems(surface: LibrarySurface): string[] {
  const problems: string[] = [];
  const exported = new Map(surface.exports.map((doc) => [doc.name, doc]));
  const hasMember = (path: string) => {
    const [owner, member, ...rest] = path.split(".");
    return rest.length === 0 && !!exported.get(owner!)?.members.some((m) => m.name === member);
  };

  for (const doc of surface.exports) {
    if (!summaryOf(doc.doc)) problems.push(`${doc.name} (${doc.module}): no TSDoc summary`);
    for (const member of doc.members) {
      if (!summaryOf(member.doc)) problems.push(`${doc.name}.${member.name} (${doc.module}): no TSDoc summary`);
    }
    if (!Object.hasOwn(EXPORTS, doc.name)) problems.push(`${doc.name}: exported, but missing from EXPORTS in src/loop/python-names.ts`);
    if (isInternal(doc.name)) problems.push(`${doc.name} (${doc.module}): a _-prefixed name is internal and must not be exported`);
    if (!SECTIONS.some((section) => section.modules.includes(doc.module))) {
      problems.push(`${doc.name}: its module ${doc.module} has no section in SECTIONS (src/reference/reference.ts)`);
    }
  }
  for (const name of Object.keys(EXPORTS)) {
    if (!exported.has(name)) problems.push(`EXPORTS.${name} (src/loop/python-names.ts) names nothing the package exports`);
  }
  for (const path of Object.keys(MEMBERS)) {
    if (!hasMember(path)) problems.push(`MEMBERS["${path}"] (src/loop/python-names.ts) names no public member of an exported class`);
  }
  for (const idiom of IDIOMS) {
    for (const name of idiom.uses) {
      if (!exported.has(name) && !hasMember(name)) problems.push(`IDIOMS "${idiom.python}" uses ${name}, which is not exported`);
    }
  }
  for (const { python } of NOT_PORTED) {
    for (const [, name] of (python ?? "").matchAll(/(?:^|[.\s])([a-z_]+)\(\)/g)) {
      const ours = camelCase(name!);
      if (exported.has(ours) || hasMember(`AbstractEventLoop.${ours}`)) problems.push(`NOT_PORTED lists ${python}, but ${ours} exists`);
    }
  }
  const [first, ...others] = Object.entries(surface.entries);
  for (const [entry, names] of others) {
    const missing = first![1].filter((name) => !names.includes(name));
    const extra = names.filter((name) => !first![1].includes(name));
    if (missing.length || extra.length) {
      problems.push(`${entry} differs from ${first![0]}: missing [${missing.join(", ")}], extra [${extra.join(", ")}]`);
    }
  }
  return problems;
}
