/**
 * The reference page cannot go stale: every export of `asyncio` has a TSDoc summary and an
 * entry in `src/loop/python-names.ts`, every entry there names something exported, and the
 * built package exports exactly what the sources declare.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LOOP_DIR, extractSurface, type ExportDoc, type LibrarySurface } from "./extract.ts";
import { buildReference, camelCase, referenceProblems, snakeCase } from "./reference.ts";

let surface: LibrarySurface;
beforeAll(() => {
  surface = extractSurface();
}, 60_000);

const find = (name: string) => surface.exports.find((doc) => doc.name === name);

describe("the library's surface, as the compiler reads it", () => {
  it("has the exports of both package entries, with kinds, modules and docs", () => {
    expect(Object.keys(surface.entries)).toEqual(["web-entry.ts", "node-entry.ts"]);
    expect(surface.exports.length).toBeGreaterThan(100);
    expect(find("createTask")).toMatchObject({ kind: "function", module: "tasks.ts", members: [] });
    expect(find("createTask")!.doc).toMatch(/^Wrap `coro` in a Task/);
    expect(find("Coroutine")).toMatchObject({ kind: "type", module: "coroutines.ts" });
    expect(find("FIRST_COMPLETED")).toMatchObject({ kind: "constant" });
    expect(find("openConnection")).toMatchObject({ kind: "function", module: "streams.ts" }); // through io.ts
  });

  it("lists a class's public members, not its private ones", () => {
    const future = find("Future")!;
    expect(future.kind).toBe("class");
    const names = future.members.map((member) => member.name);
    expect(names).toEqual(expect.arrayContaining(["result", "addDoneCallback", "cancel", "toString"]));
    expect(names.filter((name) => name.startsWith("_"))).toEqual([]);
    expect(future.members.find((member) => member.name === "done")).toMatchObject({ kind: "method", static: false });
    expect(find("Barrier")!.members.find((member) => member.name === "parties")).toMatchObject({ kind: "property" });
  });

  it("gives a member without a comment the doc of the interface member it implements", () => {
    const write = find("BaseStreamTransport")!.members.find((member) => member.name === "write")!;
    expect(write.doc).toMatch(/^Queue bytes/); // documented on BaseStreamTransport or Transport
    const memory = find("MemoryTransport")!.members.find((member) => member.name === "abort")!;
    expect(memory.doc).not.toBe("");
  });
});

describe("the reference mapping", () => {
  it("is complete and true: every export documented and mapped, every entry exported", () => {
    expect(referenceProblems(surface)).toEqual([]);
  });

  it("the built package exports exactly the documented values", async () => {
    const built = join(LOOP_DIR, "dist", "web-entry.js");
    const stale = ["index.ts", "io.ts", "web-entry.ts", "node-entry.ts"].filter(
      (file) => statSync(join(LOOP_DIR, file)).mtimeMs > statSync(built).mtimeMs,
    );
    expect(stale, "src/loop/dist is older than its sources: run `npm run build:loop`").toEqual([]);
    const values = surface.exports.filter((doc) => doc.kind === "class" || doc.kind === "function" || doc.kind === "constant");
    const expected = values.map((doc) => doc.name).sort();
    for (const entry of ["web-entry.js", "node-entry.js"]) {
      const module = (await import(join(LOOP_DIR, "dist", entry))) as Record<string, unknown>;
      expect(Object.keys(module).sort(), entry).toEqual(expected);
    }
    const index = (await import(join(LOOP_DIR, "dist", "index.js"))) as Record<string, unknown>;
    expect(Object.keys(index).filter((name) => !expected.includes(name))).toEqual([]);
  });
});

describe("referenceProblems", () => {
  const docOf = (name: string): ExportDoc => ({ name, kind: "function", module: "tasks.ts", doc: "Does a thing.", members: [] });
  const withExports = (exports: ExportDoc[], entries?: Record<string, string[]>): LibrarySurface => ({
    exports,
    entries: entries ?? { "web-entry.ts": exports.map((doc) => doc.name) },
  });
  const everything = () => surface.exports.map((doc) => ({ ...doc, members: doc.members.map((member) => ({ ...member })) }));
  /** The problems a doctored surface has that the real one has not. */
  const added = (doctored: LibrarySurface) => {
    const before = new Set(referenceProblems(surface));
    return referenceProblems(doctored).filter((problem) => !before.has(problem));
  };

  it("reports an export without a TSDoc summary", () => {
    const exports = everything();
    exports.find((doc) => doc.name === "sleep")!.doc = "";
    exports.find((doc) => doc.name === "Lock")!.members.find((member) => member.name === "acquire")!.doc = "\n";
    expect(added(withExports(exports))).toEqual([
      "sleep (tasks.ts): no TSDoc summary",
      "Lock.acquire (locks.ts): no TSDoc summary",
    ]);
  });

  it("reports an export missing from the mapping, and a mapping entry that names nothing exported", () => {
    const exports = everything().filter((doc) => doc.name !== "shield");
    exports.push(docOf("brandNew"));
    expect(added(withExports(exports))).toEqual([
      "brandNew: exported, but missing from EXPORTS in src/loop/python-names.ts",
      "EXPORTS.shield (src/loop/python-names.ts) names nothing the package exports",
    ]);
  });

  it("reports an internal (_-prefixed) export", () => {
    expect(added(withExports([...everything(), docOf("_secret")]))).toContain(
      "_secret (tasks.ts): a _-prefixed name is internal and must not be exported",
    );
  });

  it("reports a member entry or an idiom that names nothing exported", () => {
    const exports = everything().filter((doc) => doc.name !== "taskGroup");
    exports.find((doc) => doc.name === "Timeout")!.members = exports.find((doc) => doc.name === "Timeout")!.members.filter((m) => m.name !== "run");
    const problems = added(withExports(exports));
    expect(problems).toContain('MEMBERS["Timeout.run"] (src/loop/python-names.ts) names no public member of an exported class');
    expect(problems).toContain('IDIOMS "async with asyncio.TaskGroup() as tg: ..." uses taskGroup, which is not exported');
  });

  it("reports a \"not ported\" claim about something that exists", () => {
    const exports = [...everything(), docOf("runCoroutineThreadsafe")];
    expect(added(withExports(exports))).toContain(
      "NOT_PORTED lists asyncio.run_coroutine_threadsafe(), but runCoroutineThreadsafe exists",
    );
  });

  it("reports a module the page has no section for, and entries that disagree", () => {
    const exports = everything();
    exports.find((doc) => doc.name === "sleep")!.module = "new-module.ts";
    const names = exports.map((doc) => doc.name);
    const problems = added(withExports(exports, { "web-entry.ts": names, "node-entry.ts": names.filter((n) => n !== "run") }));
    expect(problems).toEqual([
      "sleep: its module new-module.ts has no section in SECTIONS (src/reference/reference.ts)",
      "node-entry.ts differs from web-entry.ts: missing [run], extra []",
    ]);
  });
});

describe("buildReference", () => {
  it("has one row per export and public member, with unique anchors", () => {
    const { sections } = buildReference(surface);
    const rows = sections.flatMap((section) => section.rows);
    const memberCount = surface.exports.reduce((n, doc) => n + doc.members.length, 0);
    expect(rows.length).toBe(surface.exports.length + memberCount);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(rows.filter((row) => row.ours.startsWith("asyncio._"))).toEqual([]);
  });

  it("puts Python's name beside ours", () => {
    const rows = new Map(buildReference(surface).sections.flatMap((section) => section.rows).map((row) => [row.ours, row]));
    expect(rows.get("asyncio.createTask()")).toMatchObject({ python: "asyncio.create_task()", kind: "function" });
    expect(rows.get("Future.addDoneCallback()")).toMatchObject({ python: "Future.add_done_callback()", kind: "method", member: true });
    expect(rows.get("Barrier.nWaiting")).toMatchObject({ python: "Barrier.n_waiting", kind: "property" });
    expect(rows.get("Lock.toString()")).toMatchObject({ python: "Lock.__repr__()" });
    expect(rows.get("ExceptionGroup.toString()")).toMatchObject({ python: "ExceptionGroup.__str__()" });
    expect(rows.get("asyncio.VirtualTimeLoop")!.note).toMatch(/not part of asyncio's API/);
    expect(rows.get("MemoryTransport.abort()")).toMatchObject({ python: null });
    expect(rows.get("asyncio.run()")!.summary).toBe("Run `main` on a new event loop and resolve with its result.");
  });
});

describe("name conversions", () => {
  it.each([
    ["addDoneCallback", "add_done_callback"],
    ["nWaiting", "n_waiting"],
    ["result", "result"],
    ["canWriteEof", "can_write_eof"],
  ])("%s ↔ %s", (camel, snake) => {
    expect(snakeCase(camel)).toBe(snake);
    expect(camelCase(snake)).toBe(camel);
  });
});
