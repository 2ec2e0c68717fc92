// Run the document builder's Python in Node.js, as the browser's worker does, and list
// the standard library files it loaded (book/_ext/builder_stdlib.py reads the list).
//
// Usage: node builder_trace.mjs < job.json, where job.json holds
//   { "pyodide": folder of the npm package, "stdlib": optional zip to use instead of its own,
//     "package": the course package zip, "prompts": prompts.json, "workbooks": [JSON text],
//     "compiled": optional, true to also compile the library as the worker does for later
//                 visits (builder_entry.compile_stdlib) and build every workbook with that }
// or { "pyodide": ..., "minify": { "script", "input", "output" } } to minify a library zip
// (builder_minify.py) and print { "minified": n }.
// Prints { "python": "3.14", "files": [paths inside the zip], "built": n, "compiledBuilt": n }.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

function stop(err) {
  // Pyodide's errors carry the Python traceback in their message; keep the output to that.
  process.stderr.write(`${err && err.message ? err.message : err}\n`);
  process.exit(1);
}
process.on("uncaughtException", stop);
process.on("unhandledRejection", stop);

const job = JSON.parse(readFileSync(0, "utf8"));
const { loadPyodide } = await import(pathToFileURL(join(job.pyodide, "pyodide.mjs")).href);

if (job.minify) {
  // { "minify": { "script": builder_minify.py, "input": zip, "output": zip } }
  const py = await loadPyodide({ indexURL: `${job.pyodide}/`, stdout: () => {}, stderr: () => {} });
  py.FS.writeFile("/tmp/input.zip", new Uint8Array(readFileSync(job.minify.input)));
  py.runPython(readFileSync(job.minify.script, "utf8"));
  const count = py.runPython("minify('/tmp/input.zip', '/tmp/output.zip')");
  writeFileSync(job.minify.output, py.FS.readFile("/tmp/output.zip"));
  process.stdout.write(JSON.stringify({ minified: count }));
  process.exit(0);
}

const BUILD = `
import json, sys
sys.path.insert(0, "/home/pyodide/course")
import builder_entry
builder_entry.load(PROMPTS)
built = 0
for text in WORKBOOKS:
    json.loads(builder_entry.build_documents(text))
    json.loads(builder_entry.build_readable(text))
    built += 1
root = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip/"
files = sorted(
    m.__file__[len(root):] for m in list(sys.modules.values())
    if isinstance(getattr(m, "__file__", None), str) and m.__file__.startswith(root)
)
json.dumps({"python": f"{sys.version_info[0]}.{sys.version_info[1]}", "files": files,
            "built": built})
`;

/** A fresh Pyodide (with `stdlib` when given) that has built every workbook. */
async function run(stdlib) {
  const options = { indexURL: `${job.pyodide}/`, stdout: () => {}, stderr: () => {} };
  if (stdlib) options.stdLibURL = stdlib;
  const py = await loadPyodide(options);
  py.unpackArchive(new Uint8Array(readFileSync(job.package)), "zip", {
    extractDir: "/home/pyodide/course",
  });
  py.globals.set("PROMPTS", readFileSync(job.prompts, "utf8"));
  py.globals.set("WORKBOOKS", py.toPy(job.workbooks));
  return { py, result: JSON.parse(py.runPython(BUILD)) };
}

const { py, result } = await run(job.stdlib);
if (job.compiled) {
  py.runPython("import builder_entry; builder_entry.compile_stdlib('/tmp/compiled.zip')");
  const folder = mkdtempSync(join(tmpdir(), "course-builder-"));
  try {
    const path = join(folder, "compiled.zip");
    writeFileSync(path, py.FS.readFile("/tmp/compiled.zip"));
    const again = await run(path);
    result.compiledBuilt = again.result.built;
    result.compiledFiles = again.result.files.length;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
process.stdout.write(JSON.stringify(result));
