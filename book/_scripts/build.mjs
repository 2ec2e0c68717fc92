// Bundles the website's answer script: book/_scripts/main.js, the modules it imports and
// every kind's form reader (exercises/kinds/<folder>/form.js with its form.json contract,
// found here, not listed by hand) into one script that sets window.CourseAnswers.
//
//   node book/_scripts/build.mjs OUTFILE      (the book build runs this: book/_ext/course_scripts.py)
//
// esbuild comes from node_modules (npm ci, pinned by package-lock.json); without it this
// fails, and so does the book build.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "..", "..");
export const KINDS_DIR = path.join(ROOT, "exercises", "kinds");

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The selectors of a contract's parts: {name: {selector}} (its descriptions stay out). */
export function selectors(parts) {
  return Object.fromEntries(Object.entries(parts).map(([name, p]) => [name, { selector: p.selector }]));
}

/** The parts every exercise form has (exercises/kinds/form.json). */
export function commonParts(dir = KINDS_DIR) {
  return selectors(readJson(path.join(dir, "form.json")).parts);
}

/**
 * Every kind folder with a form reader: [{folder, kind, parts, form}] sorted by folder,
 * where `form` is the path of its form.js. A folder with only one of form.json and
 * form.js is an error.
 */
export function kindFolders(dir = KINDS_DIR) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    const contract = path.join(folder, "form.json");
    const form = path.join(folder, "form.js");
    if (!existsSync(contract) && !existsSync(form)) continue;
    if (!existsSync(contract) || !existsSync(form)) {
      const lacks = existsSync(contract) ? "form.js" : "form.json";
      throw new Error(`${path.relative(ROOT, folder)} has no ${lacks}: a kind's folder needs both.`);
    }
    const { kind, parts } = readJson(contract);
    found.push({ folder: entry.name, kind, parts: selectors(parts), form });
  }
  return found.sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The module `course:kinds`: every kind's reader with its contract's selectors. */
export function kindsModule(dir = KINDS_DIR) {
  const kinds = kindFolders(dir);
  const lines = kinds.map((k, i) => `import * as form${i} from ${JSON.stringify(k.form)};`);
  lines.push(`export const common = ${JSON.stringify(commonParts(dir))};`);
  const entries = kinds.map(
    (k, i) => `{kind: ${JSON.stringify(k.kind)}, parts: ${JSON.stringify(k.parts)}, form: form${i}}`,
  );
  lines.push(`export const kinds = [${entries.join(", ")}];`);
  return lines.join("\n");
}

const kindsPlugin = (dir) => ({
  name: "course-kinds",
  setup(build) {
    build.onResolve({ filter: /^course:kinds$/ }, () => ({ path: "kinds", namespace: "course" }));
    build.onLoad({ filter: /.*/, namespace: "course" }, () => ({
      contents: kindsModule(dir),
      resolveDir: dir,
      loader: "js",
    }));
  },
});

const BANNER =
  "/* The course website's answer script, bundled by book/_scripts/build.mjs from " +
  "book/_scripts/ and exercises/kinds/<kind>/form.js (MIT licence, see LICENSE.md). */";

/** Write the bundle to `outfile`; `minify: false` keeps it readable. */
export async function bundle(outfile, { minify = true, dir = KINDS_DIR } = {}) {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(HERE, "main.js")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    outfile,
    minify,
    legalComments: "none",
    banner: { js: BANNER },
    plugins: [kindsPlugin(dir)],
    logLevel: "error",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = process.argv[2];
  if (!outfile) {
    process.stderr.write("usage: node book/_scripts/build.mjs OUTFILE\n");
    process.exit(2);
  }
  await bundle(path.resolve(outfile), { minify: process.env.COURSE_SCRIPTS_READABLE !== "1" });
}
