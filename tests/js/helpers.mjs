// What the JavaScript unit tests share: the Python package's real site data and form
// HTML (tests/js/fixtures.py, run once per test file), the kinds' form readers found as
// the bundle finds them, a DOM (jsdom), and an in-memory Storage.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { JSDOM, VirtualConsole } from "jsdom";
import { commonParts, kindFolders } from "../../book/_scripts/build.mjs";
import { kindTable } from "../../book/_scripts/kinds.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function python() {
  if (process.env.PYTHON) return process.env.PYTHON;
  const venv = path.join(REPO, ".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

/** Run a Python script of tests/js with JSON on stdin; its stdout read as JSON. */
export function runPython(script, input = null) {
  const done = spawnSync(python(), [path.join(REPO, "tests", "js", script)], {
    input: input === null ? "" : JSON.stringify(input),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (done.status !== 0) throw new Error(`${script} failed:\n${done.stderr}`);
  return JSON.parse(done.stdout);
}

let cached = null;

/** {data, prompts: [{id, kind, html, samples}], panel} from the Python package. */
export function fixtures() {
  cached ??= runPython("fixtures.py");
  return cached;
}

/** The kind table the page uses, built from exercises/kinds/<folder>/form.js|json. */
export async function loadKinds() {
  const list = await Promise.all(
    kindFolders().map(async (k) => ({
      kind: k.kind,
      parts: k.parts,
      form: await import(pathToFileURL(k.form).href),
    })),
  );
  return kindTable(list);
}

export const COMMON = commonParts();

/** A window with `html` in its body; jsdom's "not implemented" notes (a download link's
 * navigation) are collected in `win.notes`, not printed. */
export function windowWith(html, url = "https://course.example/book/modules/x.html") {
  const notes = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (err) => notes.push(String(err.message)));
  const { window } = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, {
    url,
    virtualConsole,
  });
  window.notes = notes;
  return window;
}

/** A Storage kept in memory; `failWhen(key, value)` returning true makes setItem throw. */
export class MemoryStorage {
  constructor() {
    this.items = new Map();
    this.failWhen = () => false;
  }
  get length() { return this.items.size; }
  key(i) { return [...this.items.keys()][i] ?? null; }
  getItem(k) { return this.items.has(k) ? this.items.get(k) : null; }
  setItem(k, v) {
    if (this.failWhen(k, String(v))) {
      throw Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" });
    }
    this.items.set(k, String(v));
  }
  removeItem(k) { this.items.delete(k); }
}
