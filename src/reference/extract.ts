/**
 * The public surface of the loop library (`src/loop/`, package `asyncio`) as its sources declare
 * it: every export of the package entries, with its kind, its module and its TSDoc, and for a
 * class, its public members. Read with the TypeScript 7 compiler's API (`typescript/unstable/sync`,
 * which drives the native compiler in a child process), so the names and comments are exactly
 * what the compiler sees and the reference page built from them cannot go stale.
 *
 * Build-time and test-time only (Node): the page imports the result, never the compiler.
 */
import { basename, join, resolve, sep } from "node:path";
import { API, SymbolFlags, type Checker, type Project, type Symbol as TsSymbol } from "typescript/unstable/sync";
import { isClassDeclaration, isInterfaceDeclaration, type Node } from "typescript/unstable/ast";

export type ExportKind = "class" | "function" | "constant" | "interface" | "type";

export interface MemberDoc {
  name: string;
  kind: "method" | "property";
  static: boolean;
  /** The member's TSDoc text (tags excluded); inherited from the class or interface it implements when it has none. */
  doc: string;
}

export interface ExportDoc {
  name: string;
  kind: ExportKind;
  /** The source module that declares it, e.g. "tasks.ts". */
  module: string;
  /** The TSDoc text (tags excluded); "" when there is none. */
  doc: string;
  /** A class's public members, in declaration order: instance members, then static ones. */
  members: MemberDoc[];
}

export interface LibrarySurface {
  /** Every export of any entry, by name, in the first entry's order. */
  exports: ExportDoc[];
  /** Each entry's export names (e.g. "web-entry.ts" → [...]). */
  entries: Record<string, string[]>;
}

/**
 * The loop library's directory, from the project root, where npm scripts, Vitest and Astro run
 * (not from this file: in Astro's build this module is bundled elsewhere).
 */
export const LOOP_DIR = resolve("src", "loop");
/** The package entries, as `src/loop/package.json` maps them. */
export const ENTRIES = ["web-entry.ts", "node-entry.ts"] as const;

const KINDS: Array<[SymbolFlags, ExportKind]> = [
  [SymbolFlags.Class, "class"],
  [SymbolFlags.Function, "function"],
  [SymbolFlags.Variable, "constant"],
  [SymbolFlags.Interface, "interface"],
  [SymbolFlags.TypeAlias, "type"],
];

function kindOf(symbol: TsSymbol): ExportKind {
  for (const [flag, kind] of KINDS) if (symbol.flags & flag) return kind;
  throw new Error(`export ${symbol.name}: unexpected symbol flags ${symbol.flags}`);
}

/** The symbol an export or import alias stands for. */
function resolved(checker: Checker, symbol: TsSymbol): TsSymbol {
  return symbol.flags & SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** A member of the public contract: not `_private` by convention, not a type parameter or the prototype. */
function isPublicMember(name: string, symbol: TsSymbol): boolean {
  if (name.startsWith("_") || name.startsWith("#") || name === "prototype") return false;
  return (symbol.flags & (SymbolFlags.Method | SymbolFlags.Property | SymbolFlags.Accessor)) !== 0;
}

/**
 * The library's classes and interfaces a class extends or implements, nearest first. Not the
 * standard library's: `Object.toString`'s "Returns a string representation of an object" is no
 * contract of ours.
 */
function heritage(project: Project, symbol: TsSymbol, loopDir: string): TsSymbol[] {
  const node = (symbol.valueDeclaration ?? symbol.declarations[0])?.resolve(project) as Node | undefined;
  if (!node || !(isClassDeclaration(node) || isInterfaceDeclaration(node))) return [];
  const parents: TsSymbol[] = [];
  for (const clause of node.heritageClauses ?? []) {
    for (const type of clause.types) {
      const parent = project.checker.getSymbolAtLocation(type.expression);
      if (!parent) continue;
      const target = resolved(project.checker, parent);
      if (target.declarations.some((declaration) => declaration.path.startsWith(loopDir + sep))) parents.push(target);
    }
  }
  return parents;
}

function hasOwnComment(project: Project, symbol: TsSymbol): boolean {
  return symbol.declarations.some((declaration) => (declaration.resolve(project)?.jsDoc?.length ?? 0) > 0);
}

/** A member's doc, or else the doc of the member it implements or overrides (as editors show it). */
function memberDoc(project: Project, loopDir: string, owner: TsSymbol, name: string, seen = new Set<number>()): string {
  if (seen.has(owner.id)) return "";
  seen.add(owner.id);
  const own = owner.getMembers().get(name as never);
  // Only a comment of its own: for an override, the checker would hand back the base's, even
  // the standard library's.
  const doc = own && hasOwnComment(project, own) ? project.checker.getDocumentationCommentOfSymbol(own) : "";
  if (doc) return doc;
  for (const parent of heritage(project, owner, loopDir)) {
    const inherited = memberDoc(project, loopDir, parent, name, seen);
    if (inherited) return inherited;
  }
  return "";
}

function membersOf(project: Project, loopDir: string, symbol: TsSymbol): MemberDoc[] {
  const members: MemberDoc[] = [];
  const add = (table: ReadonlyMap<unknown, TsSymbol>, isStatic: boolean) => {
    for (const [key, member] of table) {
      const name = String(key);
      if (!isPublicMember(name, member)) continue;
      members.push({
        name,
        kind: member.flags & SymbolFlags.Method ? "method" : "property",
        static: isStatic,
        doc: isStatic ? project.checker.getDocumentationCommentOfSymbol(member) : memberDoc(project, loopDir, symbol, name),
      });
    }
  };
  add(symbol.getMembers(), false);
  add(symbol.getExports(), true);
  return members;
}

/**
 * Reads the library's public surface from its sources (`src/loop/tsconfig.json`).
 * Takes a few hundred milliseconds: it starts the native compiler.
 */
export function extractSurface(loopDir = LOOP_DIR, entries: readonly string[] = ENTRIES): LibrarySurface {
  const api = new API({ cwd: loopDir });
  try {
    const snapshot = api.updateSnapshot({ openProject: join(loopDir, "tsconfig.json") });
    const project = snapshot.getProjects()[0];
    if (!project) throw new Error(`no TypeScript project at ${loopDir}`);
    const { checker } = project;
    const exports = new Map<string, ExportDoc>();
    const names: Record<string, string[]> = {};
    for (const entry of entries) {
      const file = project.program.getSourceFile(join(loopDir, entry));
      const module = file && checker.getSymbolAtLocation(file);
      if (!module) throw new Error(`${entry} is not part of ${loopDir}/tsconfig.json`);
      names[entry] = [];
      for (const exported of checker.getExportsOfModule(module)) {
        names[entry].push(exported.name);
        if (exports.has(exported.name)) continue;
        const symbol = resolved(checker, exported);
        const declaration = symbol.valueDeclaration ?? symbol.declarations[0];
        const kind = kindOf(symbol);
        exports.set(exported.name, {
          name: exported.name,
          kind,
          module: declaration ? basename(declaration.path) : "",
          doc: checker.getDocumentationCommentOfSymbol(symbol),
          members: kind === "class" ? membersOf(project, loopDir, symbol) : [],
        });
      }
    }
    return { exports: [...exports.values()], entries: names };
  } finally {
    api.close();
  }
}
