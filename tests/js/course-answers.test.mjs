// Unit tests of the website's answer script (book/_static/course-answers.js), run with
// `node --test tests/js/`. The DOM side is tested in the browser (tests/browser/).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const api = require("../../book/_static/course-answers.js");

const DATA = {
  storagePrefix: "spread-course:",
  workbook: { format: "spread-course-workbook", version: 1 },
  limits: { maxImportBytes: 5000000 },
  modules: [{ id: "m", number: 1, title: "M", prompts: ["m.text", "m.pick", "m.rows"] }],
  prompts: {
    "m.text": { module: "m", kind: "text", title: "Text", freeText: true,
      schema: { type: "string", maxLength: 5 } },
    "m.pick": { module: "m", kind: "choice", title: "Pick", freeText: false,
      schema: { type: "string", enum: ["a", "b"] } },
    "m.rows": { module: "m", kind: "actions", title: "Rows", freeText: true,
      schema: { type: "array", maxItems: 2, items: { type: "object", additionalProperties: false,
        properties: { when: { type: "string", anyOf: [{ const: "" }, { format: "date" }] } } } } },
  },
  share: {
    format: "spread-course-share", version: 1,
    cohortPattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,22}[A-Za-z0-9])?$",
    nicknamePattern: "^[a-z]{3,12}-[a-z]{3,12}-[0-9]{4}$",
    firstWords: ["amber"], secondWords: ["heron"], maxBytes: 1000000,
  },
};

class MemoryStorage {
  constructor() { this.items = new Map(); }
  get length() { return this.items.size; }
  key(i) { return [...this.items.keys()][i] ?? null; }
  getItem(k) { return this.items.has(k) ? this.items.get(k) : null; }
  setItem(k, v) { this.items.set(k, String(v)); }
  removeItem(k) { this.items.delete(k); }
}

test("validate follows the schema subset", () => {
  const s = DATA.prompts;
  assert.equal(api.validate(s["m.text"].schema, "abc"), null);
  assert.match(api.validate(s["m.text"].schema, "abcdef"), /longer/);
  assert.match(api.validate(s["m.text"].schema, 3), /text/);
  assert.match(api.validate(s["m.pick"].schema, "c"), /options/);
  assert.equal(api.validate(s["m.rows"].schema, [{ when: "" }, { when: "2027-02-28" }]), null);
  assert.notEqual(api.validate(s["m.rows"].schema, [{ when: "2027-02-30" }]), null);
  assert.notEqual(api.validate(s["m.rows"].schema, [{ who: "x" }]), null);
  assert.notEqual(api.validate(s["m.rows"].schema, [{}, {}, {}]), null);
  assert.equal(api.validate({ type: "integer", minimum: 1, maximum: 5 }, 5), null);
  assert.notEqual(api.validate({ type: "integer", minimum: 1, maximum: 5 }, 2.5), null);
  assert.notEqual(api.validate({ type: "integer", minimum: 1, maximum: 5 }, true), null);
});

test("a workbook survives a round trip and bad files say why", () => {
  const answers = { "m.text": { value: "hi", saved_at: "2026-11-29T10:00:00.000Z" } };
  const text = api.dumpWorkbook(answers, DATA);
  assert.deepEqual(api.parseWorkbook(text, DATA), answers);
  assert.throws(() => api.parseWorkbook("nope", DATA), /not valid JSON/);
  assert.throws(() => api.parseWorkbook('{"format":"x"}', DATA), /marker/);
  const newer = text.replace('"version": 1', '"version": 9');
  assert.throws(() => api.parseWorkbook(newer, DATA), /newer version/);
});

test("import preview: added, replaced, kept, same value and future times", () => {
  const now = Date.parse("2026-11-29T12:00:00Z");
  const ours = {
    "m.text": { value: "old", saved_at: "2026-11-28T10:00:00Z" },
    "m.pick": { value: "a", saved_at: "2026-11-29T11:00:00Z" },
    "m.rows": { value: [], saved_at: "2026-11-01T10:00:00Z" },
  };
  const incoming = {
    "m.text": { value: "new", saved_at: "2026-11-29T09:00:00+00:00" },
    "m.pick": { value: "a", saved_at: "2026-11-29T11:30:00Z" },
    "m.rows": { value: [{ when: "" }], saved_at: "2027-05-01T10:00:00Z" },
    "other.q": { value: 1, saved_at: "2026-11-29T10:00:00Z" },
    "late.q": { value: 2, saved_at: "2030-01-01T00:00:00Z" },
  };
  const plan = api.previewImport(ours, incoming, DATA, now);
  assert.deepEqual(plan.replaced, ["m.text"]);
  assert.deepEqual(plan.added, ["late.q", "other.q"]);
  assert.deepEqual(plan.same, ["m.pick"]);
  assert.deepEqual(plan.kept, ["m.rows"]);
  assert.deepEqual(plan.heldBack, ["m.rows"]);
  assert.deepEqual(plan.future, ["late.q", "m.rows"]);
  assert.deepEqual(Object.keys(plan.incoming).sort(), ["late.q", "m.text", "other.q"]);
  assert.equal(plan.incoming["late.q"].saved_at, "2026-11-29T12:00:00.000Z"); // re-stamped
  const bad = api.previewImport({}, { "m.pick": { value: "zz", saved_at: "2026-11-29T10:00:00Z" } }, DATA, now);
  assert.deepEqual(Object.keys(bad.skipped), ["m.pick"]);
});

test("a time must carry its zone, as in Python", () => {
  assert.ok(Number.isNaN(api.parseTime("2026-11-29T10:00:00")));
  assert.equal(api.parseTime("2026-11-29T10:00:00.123456+00:00"), Date.parse("2026-11-29T10:00:00.123Z"));
  assert.ok(Number.isNaN(api.parseTime(5)));
  const naive = '{"format": "spread-course-workbook", "version": 1, "answers": {"m.text": {"value": "x", "saved_at": "2026-11-29T10:00:00"}}}';
  assert.throws(() => api.parseWorkbook(naive, DATA), /no valid time/);
});

test("share files carry written answers only when chosen", () => {
  const answers = {
    "m.text": { value: "mine", saved_at: "2026-11-29T10:00:00Z" },
    "m.pick": { value: "b", saved_at: "2026-11-29T10:00:00Z" },
    "m.rows": { value: [{ when: "2027-01-01" }], saved_at: "2026-11-29T10:00:00Z" },
  };
  const closed = api.buildShare(answers, DATA, "LEEDS-1", "amber-heron-1234", []);
  assert.deepEqual(closed.answered, ["m.text", "m.pick", "m.rows"]);
  assert.deepEqual(closed.answers, { "m.pick": "b" });
  assert.deepEqual(closed.shared_text, {});
  const open = api.buildShare(answers, DATA, "LEEDS-1", "amber-heron-1234", ["m.text"]);
  assert.deepEqual(open.shared_text, { "m.text": "mine" });
  assert.throws(() => api.buildShare(answers, DATA, "bad code!", "amber-heron-1234", []), /cohort code/);
  assert.match(api.newNickname(DATA, () => 0.5), /^amber-heron-[0-9]{4}$/);
});

test("the store keeps only this course's keys and sets damage aside", () => {
  const storage = new MemoryStorage();
  storage.setItem("someone-else", "x");
  const store = new api.Store(storage, DATA);
  store.save("m.text", "one", Date.parse("2026-11-29T10:00:00Z"));
  store.save("m.pick", "a");
  assert.deepEqual(Object.keys(store.answers()).sort(), ["m.pick", "m.text"]);
  storage.setItem(store.key, "{broken");
  assert.deepEqual(store.answers(), {});
  assert.match(store.problem, /damaged/);
  const aside = [...storage.items.keys()].filter((k) => k.startsWith("spread-course:damaged-"));
  assert.equal(aside.length, 1);
  assert.equal(storage.getItem(aside[0]), "{broken");
  store.clear();
  assert.deepEqual([...storage.items.keys()], ["someone-else"]);
});

test("blocked or full storage is reported in one plain sentence", () => {
  const blocked = { setItem() { throw new Error("SecurityError"); } };
  const store = new api.Store(blocked, DATA);
  assert.match(store.problem, /not keeping answers/);
  assert.throws(() => store.save("m.text", "x"), /not keeping answers/);
  const storage = new MemoryStorage();
  const full = new api.Store(storage, DATA);
  storage.setItem = (k) => { if (k === full.key) throw new Error("QuotaExceededError"); };
  assert.throws(() => full.save("m.text", "x"), /no room left/);
});

test("a workbook from a newer course is left alone", () => {
  const storage = new MemoryStorage();
  const store = new api.Store(storage, DATA);
  const newer = '{"format": "spread-course-workbook", "version": 9, "answers": {}}';
  storage.setItem(store.key, newer);
  assert.deepEqual(store.answers(), {});
  assert.ok(store.readOnly);
  assert.throws(() => store.save("m.text", "x"), /newer version/);
  assert.equal(storage.getItem(store.key), newer);
});
