/** Where she is in the course (progress.js): marks in the navigation, and the last page. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  lastPage, markNavigation, moduleStates, offerContinue, rememberPage, sitePath,
} from "../../book/_scripts/progress.js";
import { MemoryStorage, fixtures, windowWith } from "./helpers.mjs";

const { data } = fixtures();
const AT = "2026-11-29T10:00:00Z";
const [first, second] = data.modules.filter((m) => m.prompts.length);

/** A store as the page has one: named settings under the course's prefix. */
function store() {
  const storage = new MemoryStorage();
  return { get: (n) => storage.getItem(`x:${n}`), set: (n, v) => storage.setItem(`x:${n}`, v) };
}

function nav() {
  const links = data.modules
    .map((m) => `<li><a class="reference internal" href="modules/${m.id}.html">Module ${m.number}</a></li>`)
    .join("");
  return `<nav class="bd-docs-nav"><ul>${links}<li><a class="reference internal" href="start-here.html">Start</a></li></ul></nav>`;
}

function answered(pids, value = null) {
  return Object.fromEntries(pids.map((pid) => [pid, { value: value ?? "x", saved_at: AT }]));
}

test("a module is done only when every question has an answer that fits it", () => {
  const textual = first.prompts.filter((pid) => data.prompts[pid].kind === "text");
  const some = moduleStates(data, answered(textual));
  assert.equal(some.get(first.id), "in-progress");
  assert.equal(some.get(second.id), "not-started");
  const misfit = moduleStates(data, answered(first.prompts, "x")); // "x" fits only the text questions
  assert.equal(misfit.get(first.id), "in-progress", "answers that do not fit are left to do");
  assert.equal(moduleStates(data, answered(textual, "   ")).get(first.id), "not-started");
});

test("each module link in the navigation says its state in words and a sign", () => {
  const win = windowWith(nav(), "https://course.example/book/start-here.html");
  win.document.documentElement.dataset.content_root = "../";
  const textual = first.prompts.filter((pid) => data.prompts[pid].kind === "text");
  markNavigation(win.document, data, answered(textual));
  const link = (id) => win.document.querySelector(`a[href="modules/${id}.html"]`);
  assert.equal(link(first.id).textContent, `Module ${first.number}◐ (in progress)`);
  assert.equal(link(second.id).textContent, `Module ${second.number} (not started)`);
  assert.equal(link(first.id).querySelector(".course-mark-sign").getAttribute("aria-hidden"), "true");
  assert.equal(win.document.querySelector('a[href="start-here.html"]').textContent, "Start");
  markNavigation(win.document, data, {});
  assert.equal(link(first.id).querySelectorAll(".course-mark").length, 1, "marked once, updated");
  assert.equal(link(first.id).textContent, `Module ${first.number} (not started)`);
});

test("the last page read is offered on the home page, and only the site's own pages", () => {
  const kept = store();
  const module = windowWith("<main><h1>Module 3: Complexity<a class='headerlink'>#</a></h1></main>",
    "https://course.example/course/book/modules/complexity.html");
  module.document.documentElement.dataset.content_root = "../../";
  rememberPage(module.document, kept);
  assert.deepEqual(lastPage(kept), { path: "book/modules/complexity.html", title: "Module 3: Complexity" });
  const start = windowWith("<h1>Start here</h1>", "https://course.example/course/book/start-here.html");
  start.document.documentElement.dataset.content_root = "../";
  rememberPage(start.document, kept); // Start here is not remembered: it offers the last page
  const home = windowWith('<div class="course-continue" hidden></div>', "https://course.example/course/index.html");
  offerContinue(home.document, kept);
  const box = home.document.querySelector(".course-continue");
  assert.equal(box.hidden, false);
  assert.equal(box.querySelector("a").getAttribute("href"), "book/modules/complexity.html");
  assert.match(box.textContent, /^Continue where you left off: Module 3: Complexity$/);
  kept.set("last-page", JSON.stringify({ path: "//127.0.0.1:8000/phish.html", title: "x" }));
  assert.equal(lastPage(kept), null);
  kept.set("last-page", "{broken");
  assert.equal(lastPage(kept), null);
  const empty = windowWith('<div class="course-continue" hidden></div>');
  offerContinue(empty.document, store());
  assert.equal(empty.document.querySelector(".course-continue").hidden, true);
  assert.equal(sitePath(home.document, "https://elsewhere.example/x.html"), null);
});
