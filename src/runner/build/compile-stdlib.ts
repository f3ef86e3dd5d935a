/**
 * Makes the worker's standard library (../python/assets.ts's STDLIB_FILE); ./stdlib.ts runs it in
 * a child process: `node compile-stdlib.ts OUT`.
 *
 * It starts Pyodide in Node and runs a recorded program through the worker's own session code
 * (../python/session.ts), so that what a start and a first run import is loaded; then it writes
 * Pyodide's python_stdlib.zip to OUT, every entry as it was, with the bytecode of each loaded
 * module beside its source (`name.pyc`, which zipimport tries before `name.py`), compiled by this
 * very CPython. The bytecode is hash-based and unchecked: the zip never changes under its URL.
 * Its code keeps the source's file name, so tracebacks and `linecache` show the source lines
 * as before; only such a module's `__file__` now ends in `.pyc`, as in CPython's own
 * zip-packaged distributions.
 *
 * It adds the bytecode of the notebook's own modules too, under OWN_BYTECODE, for the session
 * to put beside their source (../python/session.ts): hash-based and checked against that source.
 */
import { writeFileSync } from "node:fs";
import { captureOutput, OWN_BYTECODE, OWN_MODULES, runProgram, SITE } from "../python/session.ts";

const out = process.argv[2];
if (!out) {
  process.stderr.write("usage: node compile-stdlib.ts OUT\n");
  process.exit(2);
}

const { loadPyodide } = await import("pyodide");
const pyodide = await loadPyodide();
captureOutput(pyodide, () => {});
const program = 'import asyncio\nasync def main():\n    print("hello")\n    await asyncio.sleep(0)\nasyncio.run(main())\n';
const result = runProgram(pyodide, { "main.py": program }, "main.py", {}, { events: () => {} });
if (result.code !== 0) throw new Error(`the warm-up program exited ${result.code}`);

pyodide.globals.set("own", pyodide.toPy({ site: SITE, directory: OWN_BYTECODE, modules: OWN_MODULES }));
pyodide.runPython(String.raw`
import importlib.util, marshal, sys, zipfile

def pyc(code, source, flags):
    """Bytecode as a .pyc file: hash-based, checked against the source (flags 3) or not (1)."""
    return importlib.util.MAGIC_NUMBER + flags.to_bytes(4, "little") + importlib.util.source_hash(source) + marshal.dumps(code)


archive = next(entry for entry in sys.path if entry.endswith(".zip"))
prefix = archive + "/"
loaded = {
    file[len(prefix):]: file
    for file in (getattr(module, "__file__", None) for module in list(sys.modules.values()))
    if isinstance(file, str) and file.startswith(prefix) and file.endswith(".py")
}
with zipfile.ZipFile(archive) as source, zipfile.ZipFile("/tmp/stdlib.zip", "w") as target:
    for info in source.infolist():
        data = source.read(info)
        target.writestr(info, data)
        if info.filename in loaded:
            # As zipimport compiles a source: its line endings normalised, under the file name it reports.
            text = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            code = compile(text, loaded[info.filename], "exec", dont_inherit=True)
            entry = zipfile.ZipInfo(info.filename + "c", info.date_time)
            target.writestr(entry, pyc(code, data, 1), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    for name, text in own["modules"].items():
        data = text.encode()
        code = compile(data, f"{own['site']}/{name}.py", "exec", dont_inherit=True)
        target.writestr(f"{own['directory']}/{name}.pyc", pyc(code, data, 3), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
`);
writeFileSync(out, pyodide.FS.readFile("/tmp/stdlib.zip"));
