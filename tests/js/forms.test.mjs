// Each kind's form reader (exercises/kinds/<kind>/form.js) on the HTML Python really makes
// (exercises/static_form.py, through tests/js/fixtures.py): every part its contract
// (form.json) names is there, and writing a sample value then reading it gives it back.
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { kindFolders } from "../../book/_scripts/build.mjs";
import { canonical } from "../../book/_scripts/rules.js";
import { COMMON, fixtures, loadKinds, windowWith } from "./helpers.mjs";

const { data, prompts } = fixtures();
const kinds = await loadKinds();
const EMPTY = { text: "", rating: null, choice: null, checklist: [], quiz: null, position: null, list: [], actions: [] };

const win = windowWith("");

function formOf(prompt) {
  win.document.body.innerHTML = prompt.html;
  return win.document.querySelector(COMMON.form.selector);
}

test("every kind the course uses has a form reader, and every reader a kind", () => {
  const used = new Set(Object.values(data.prompts).map((p) => p.kind));
  for (const kind of used) assert.ok(kinds.has(kind), `no form.js for the ${kind} kind`);
  assert.deepEqual([...kinds.keys()].sort(), Object.keys(EMPTY).sort());
});

test("every part a contract names is in the form Python makes", () => {
  for (const prompt of prompts) {
    const form = formOf(prompt);
    for (const [name, part] of Object.entries(COMMON)) {
      assert.ok(form.matches(part.selector) || form.querySelector(part.selector), `${prompt.id}: ${name}`);
    }
    for (const [name, part] of Object.entries(kinds.get(prompt.kind).parts)) {
      if (name === "row" && prompt.kind === "rating") continue; // a single rating has no rows
      assert.ok(form.querySelector(part.selector), `${prompt.id}: ${name} (${part.selector})`);
    }
  }
});

test("each reader gives back every sample value it was given", () => {
  let checked = 0;
  for (const prompt of prompts) {
    const kind = kinds.get(prompt.kind);
    const form = formOf(prompt);
    for (const sample of [...prompt.samples, EMPTY[prompt.kind]]) {
      kind.write(form, sample, kind.parts);
      kind.show(form, sample, kind.parts);
      const back = kind.read(form, kind.parts);
      const expected = prompt.kind === "rating" && sample === null && form.querySelector(kind.parts.row.selector)
        ? {} : sample; // an empty grid reads as no ratings
      assert.equal(canonical(back), canonical(expected), `${prompt.id}: ${JSON.stringify(sample)}`);
      checked += 1;
    }
  }
  assert.equal(checked, 4 * prompts.length);
});

test("a position draws its point and says where it is; a quiz answers back", () => {
  const position = prompts.find((p) => p.kind === "position");
  const form = formOf(position);
  const kind = kinds.get("position");
  const empty = form.querySelector("figcaption").textContent;
  kind.write(form, position.samples[0], kind.parts);
  kind.show(form, position.samples[0], kind.parts);
  assert.equal(form.querySelectorAll(".course-you circle").length, 1);
  assert.notEqual(form.querySelector("figcaption").textContent, empty);
  assert.equal(form.querySelector("svg").getAttribute("aria-label"), form.querySelector("figcaption").textContent);
  kind.write(form, null, kind.parts);
  kind.show(form, null, kind.parts);
  assert.equal(form.querySelector("figcaption").textContent, empty);
  assert.equal(form.querySelectorAll(".course-you circle").length, 0);
  form.querySelector("fieldset[data-axis=x] input").checked = true;
  assert.equal(kind.read(form, kind.parts), undefined); // half a point: nothing to save yet

  const quiz = prompts.find((p) => p.kind === "quiz");
  const qform = formOf(quiz);
  const qkind = kinds.get("quiz");
  const option = qform.querySelectorAll("input[type=radio]")[1];
  qkind.show(qform, option.value, qkind.parts);
  assert.equal(qform.querySelector(".course-quiz-feedback").textContent, option.dataset.feedback);
});

test("rows are numbered, and ids and labels follow them", () => {
  const list = prompts.find((p) => p.kind === "actions");
  const form = formOf(list);
  const kind = kinds.get("actions");
  kind.enhance(form, kind.parts, { maxRows: 3, changed: () => {} });
  kind.write(form, list.samples[0].concat(list.samples[0]).slice(0, 3), kind.parts);
  const rows = form.querySelectorAll(".course-row");
  assert.equal(rows.length, Math.min(3, list.samples[0].length * 2));
  rows.forEach((row, n) => {
    assert.equal(row.querySelector("legend").textContent, `Row ${n + 1}`);
    for (const field of row.querySelectorAll(".course-field")) {
      const input = field.querySelector("[data-field]");
      assert.equal(field.querySelector("label").getAttribute("for"), input.id);
      assert.match(input.id, new RegExp(`-${n + 1}-`));
    }
  });
  const ids = [...form.querySelectorAll("[data-field]")].map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length); // no two controls share an id
});

test("a kind folder with a contract but no reader (or the other way) is an error", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kinds-"));
  mkdirSync(path.join(dir, "lonely"));
  writeFileSync(path.join(dir, "lonely", "form.json"), '{"kind": "lonely", "parts": {}}');
  assert.throws(() => kindFolders(dir), /lonely has no form\.js/);
  mkdirSync(path.join(dir, "other"));
  writeFileSync(path.join(dir, "other", "form.js"), "export const read = () => null;");
  assert.throws(() => kindFolders(dir), /has no form\.json|has no form\.js/);
});
