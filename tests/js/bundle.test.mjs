// The bundle the book build makes (book/_scripts/build.mjs, with esbuild): one script that
// sets window.CourseAnswers as the other scripts expect (course-scorm.js,
// course-capstone.js) and starts the page; every kind's reader is in it.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { bundle, kindFolders } from "../../book/_scripts/build.mjs";
import { fixtures } from "./helpers.mjs";

const { data, prompts, panel } = fixtures();
const out = path.join(mkdtempSync(path.join(tmpdir(), "bundle-")), "course-answers.js");
await bundle(out);
const script = readFileSync(out, "utf8");

/** A window with `html` whose page has started (the script waits for the document). */
async function pageWith(html) {
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`, {
    url: "https://course.example/book/modules/m.html",
    runScripts: "outside-only",
  });
  const win = dom.window;
  win.COURSE_DATA = data;
  win.eval(script);
  if (win.document.readyState === "loading") {
    await new Promise((resolve) => win.document.addEventListener("DOMContentLoaded", resolve));
  }
  return win;
}

test("the bundle keeps the CourseAnswers contract and starts the page", async () => {
  const mindset = prompts.filter((p) => p.id.startsWith("mindset.")).map((p) => p.html).join("");
  const win = await pageWith(mindset + panel);
  const api = win.CourseAnswers;
  for (const name of ["Store", "parseWorkbook", "dumpWorkbook", "previewImport", "validate", "isEmpty", "parseTime"]) {
    assert.equal(typeof api[name], "function", name);
  }
  const { page } = api;
  assert.ok(page && page.store && page.data === data && Array.isArray(page.listeners));
  assert.equal(typeof page.flush, "function");
  for (const method of ["answers", "write", "save", "get", "set", "clear"]) {
    assert.equal(typeof page.store[method], "function", method);
  }
  assert.ok("problem" in page.store);
  assert.equal(api.parseTime("2026-11-29T10:00:00Z"), Date.parse("2026-11-29T10:00:00Z"));
  assert.ok(Number.isNaN(api.parseTime("2026-02-30T10:00:00Z")));
  const heard = [];
  page.listeners.push((answers) => heard.push(Object.keys(answers)));
  page.store.save("mindset.my-innovation", "A falls clinic");
  page.changed();
  assert.deepEqual(heard, [["mindset.my-innovation"]]);
  const store = new api.Store(win.localStorage, data);
  assert.equal(store.answers()["mindset.my-innovation"].value, "A falls clinic");
  assert.equal(api.kinds.size, kindFolders().length);
});

test("without COURSE_DATA the bundle defines the API and starts nothing", () => {
  const dom = new JSDOM("<!doctype html><body></body>", { runScripts: "outside-only" });
  dom.window.eval(script);
  assert.equal(typeof dom.window.CourseAnswers.Store, "function");
  assert.equal(dom.window.CourseAnswers.page, undefined);
});
