// Unit tests of the capstone script (book/_static/course-capstone.js), run with
// `node --test tests/js/`. tests/test_builder_progress.py checks the progress view against
// Python's on the whole course; the page itself is tested in tests/browser/test_documents.py.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { isEmpty, validate } from "../../book/_scripts/rules.js";

const require = createRequire(import.meta.url);
const capstone = require("../../book/_static/course-capstone.js");

// The answer script's own rules (its source modules; the build bundles them).
const CHECK = { validate, isEmpty };
const DATA = {
  modules: [
    { id: "m", number: 1, title: "Mine & yours", prompts: ["m.text", "m.pick"] },
    { id: "empty", number: 2, title: "No questions", prompts: [] },
    { id: "n", number: 3, title: "Next", prompts: ["n.text"] },
  ],
  prompts: {
    "m.text": { module: "m", kind: "text", title: "Text <b>", schema: { type: "string", maxLength: 5 } },
    "m.pick": { module: "m", kind: "choice", title: "Pick", schema: { type: "string", enum: ["a", "b"] } },
    "n.text": { module: "n", kind: "text", title: "Later", schema: { type: "string", maxLength: 5 } },
  },
  progressView: {
    title: "My progress", subtitle: "On {day}.", section: "Module by module",
    headers: ["Module", "Answered", "Still to do"], count: "{done} of {total}",
    complete: "Nothing – complete", again: "the question has changed: answer it again",
  },
};
const at = "2026-11-20T09:00:00Z";

test("an answer counts when it is not empty and fits its question", () => {
  const rows = capstone.progressRows(DATA, {
    "m.text": { value: "Yes", saved_at: at },
    "m.pick": { value: "  ", saved_at: at }, // does not fit the options: an earlier version
    "n.text": { value: "   ", saved_at: at }, // empty: left to do, not an earlier version
  }, CHECK);
  assert.deepEqual(rows, [
    { label: "1. Mine & yours", done: 1, total: 2, left: [{ title: "Pick", earlier: true }] },
    { label: "3. Next", done: 0, total: 1, left: [{ title: "Later", earlier: false }] },
  ]);
});

test("answers to an earlier version of a question are left to do, and marked", () => {
  const answers = { "m.text": { value: "far too long", saved_at: at }, "m.pick": { value: "a", saved_at: at } };
  const html = capstone.progressHtml(DATA, answers, CHECK, "20 November 2026");
  assert.match(html, /<td>1 of 2<\/td><td>Text &lt;b&gt; \(the question has changed: answer it again\)<\/td>/);
  assert.equal(capstone.answeredCount(DATA, answers, CHECK), 1);
});

test("the progress view reads as the built document: title, day, table, complete modules", () => {
  const html = capstone.progressHtml(DATA, {
    "m.text": { value: "Hi", saved_at: at }, "m.pick": { value: "b", saved_at: at },
  }, CHECK, "20 November 2026");
  assert.equal(html,
    "<h3>My progress</h3><p>On 20 November 2026.</p><section><h4>Module by module</h4>" +
    '<table><thead><tr><th scope="col">Module</th><th scope="col">Answered</th>' +
    '<th scope="col">Still to do</th></tr></thead><tbody>' +
    "<tr><td>1. Mine &amp; yours</td><td>2 of 2</td><td>Nothing – complete</td></tr>" +
    "<tr><td>3. Next</td><td>0 of 1</td><td>Later</td></tr></tbody></table></section>");
});

test("question ids that are also object properties are only answers when saved", () => {
  const data = { ...DATA, modules: [{ id: "m", number: 1, title: "M", prompts: ["constructor"] }],
    prompts: { constructor: DATA.prompts["m.text"] } };
  assert.deepEqual(capstone.progressRows(data, {}, CHECK)[0].left, [{ title: "Text <b>", earlier: false }]);
});

test("the waiting line counts the answers kept, and never says they are missing", () => {
  assert.equal(capstone.waitingText(1),
    "Not built yet. Press the button above to build it from the 1 answer kept in this browser.");
  assert.match(capstone.waitingText(12), /the 12 answers kept/);
  assert.doesNotMatch(capstone.waitingText(12), /Not answered/);
});

test("days are written as the documents write them", () => {
  assert.equal(capstone.dayWords(new Date(2026, 10, 4)), "4 November 2026");
});
