// Run the document builder's Python in Node.js, as the browser's worker does, and list
// the standard library files it loaded (book/_ext/builder_stdlib.py reads the list).
//
// Usage: node builder_trace.mjs < job.json, where job.json holds
//   { "pyodide": folder of the npm package, "stdlib": optional zip to use instead of its own,
//     "package": the course package zip, "prompts": prompts.json, "workbooks": [JSON text] }
// Prints { "python": "3.14", "files": [paths inside the zip], "built": n }.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const job = JSON.parse(readFileSync(0, "utf8"));
const { loadPyodide } = await import(pathToFileURL(join(job.pyodide, "pyodide.mjs")).href);
const options = { indexURL: `${job.pyodide}/`, stdout: () => {}, stderr: () => {} };
if (job.stdlib) options.stdLibURL = job.stdlib;
const py = await loadPyodide(options);
py.unpackArchive(new Uint8Array(readFileSync(job.package)), "zip", {
  extractDir: "/home/pyodide/course",
});
py.globals.set("PROMPTS", readFileSync(job.prompts, "utf8"));
py.globals.set("WORKBOOKS", py.toPy(job.workbooks));
const out = py.runPython(`
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
`);
process.stdout.write(out);
