// The workbook file, the import preview and the share file (book/_scripts/workbook.js,
// json.js, preview.js, share.js), with the site data Python writes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeText } from "../../book/_scripts/json.js";
import { previewImport } from "../../book/_scripts/preview.js";
import { buildShare, newNickname } from "../../book/_scripts/share.js";
import { dumpWorkbook, parseWorkbook } from "../../book/_scripts/workbook.js";
import { fixtures } from "./helpers.mjs";

const real = fixtures().data;

/** The real rules with a three-question course. */
const DATA = {
  ...real,
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
  share: { ...real.share, firstWords: ["amber"], secondWords: ["heron"] },
};

const HEAD = '{"format": "spread-course-workbook", "version": 1, "answers": ';

test("a workbook survives a round trip and bad files say why", () => {
  const answers = { "m.text": { value: "hi", saved_at: "2026-11-29T10:00:00.000Z" } };
  const text = dumpWorkbook(answers, DATA);
  assert.deepEqual({ ...parseWorkbook(text, DATA) }, answers);
  assert.throws(() => parseWorkbook("nope", DATA), /not valid JSON/);
  assert.throws(() => parseWorkbook('{"format":"x"}', DATA), /marker/);
  const newer = text.replace('"version": 1', '"version": 9');
  assert.throws(() => parseWorkbook(newer, DATA), /newer version/);
  const naive = `${HEAD}{"m.text": {"value": "x", "saved_at": "2026-11-29T10:00:00"}}}`;
  assert.throws(() => parseWorkbook(naive, DATA), /no valid time/);
});

test("numbers are read by value, as in Python: version 1.0 is 1, a rating 4.0 is 4", () => {
  const text = '{"format": "spread-course-workbook", "version": 1.0, "answers": ' +
    '{"m.r": {"value": 4.0, "saved_at": "2026-11-29T10:00:00Z"}}}';
  assert.equal(parseWorkbook(text, DATA)["m.r"].value, 4);
  assert.throws(() => parseWorkbook(text.replace("4.0", "1e400"), DATA), /too large/);
  assert.throws(() => parseWorkbook(text.replace("1.0", "1.5"), DATA), /version/);
  const deep = `${HEAD}{"a": {"value": ${"[".repeat(70)}${"]".repeat(70)}, "saved_at": "2026-11-29T10:00:00Z"}}}`;
  assert.throws(() => parseWorkbook(deep, DATA), /too deep/);
});

test("a byte-order mark is allowed and bytes that are not UTF-8 are refused", () => {
  const text = dumpWorkbook({}, DATA);
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  assert.deepEqual(Object.keys(parseWorkbook(decodeText(bytes), DATA)), []);
  assert.throws(() => decodeText(new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d])), /not UTF-8/);
  assert.throws(() => parseWorkbook(`\ufeff${text}`, DATA), /not valid JSON/); // text: no BOM
});

test("question ids such as __proto__ and constructor are kept as answers", () => {
  const ids = ["__proto__", "constructor", "toString", "hasOwnProperty"];
  const entries = ids.map((id) => `${JSON.stringify(id)}: {"value": "x", "saved_at": "2026-11-29T10:00:00Z"}`);
  const answers = parseWorkbook(`${HEAD}{${entries.join(", ")}}}`, DATA);
  assert.deepEqual(Object.keys(answers).sort(), [...ids].sort());
  assert.equal(Object.getPrototypeOf(answers), null);
  const plan = previewImport({}, answers, DATA, Date.parse("2027-01-01T00:00:00Z"));
  assert.deepEqual(plan.added, [...ids].sort());
  const back = parseWorkbook(dumpWorkbook(answers, DATA), DATA);
  assert.deepEqual(Object.keys(back).sort(), [...ids].sort());
  const damaged = `${HEAD}{"constructor": 5}}`;
  assert.throws(() => parseWorkbook(damaged, DATA), /answer to constructor is damaged/);
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
  const plan = previewImport(ours, incoming, DATA, now);
  assert.deepEqual(plan.replaced, ["m.text"]);
  assert.deepEqual(plan.added, ["late.q", "other.q"]);
  assert.deepEqual(plan.same, ["m.pick"]);
  assert.deepEqual(plan.kept, ["m.rows"]);
  assert.deepEqual(plan.heldBack, ["m.rows"]);
  assert.deepEqual(plan.future, ["late.q", "m.rows"]);
  assert.deepEqual(Object.keys(plan.incoming).sort(), ["late.q", "m.text", "other.q"]);
  assert.equal(plan.incoming["late.q"].saved_at, "2026-11-29T12:00:00.000Z"); // re-stamped
  const bad = previewImport({}, { "m.pick": { value: "zz", saved_at: "2026-11-29T10:00:00Z" } }, DATA, now);
  assert.deepEqual(Object.keys(bad.skipped), ["m.pick"]);
  const broken = previewImport({}, { "m.pick": { value: "a", saved_at: "soon" } }, DATA, now);
  assert.deepEqual(Object.keys(broken.skipped), []);
  assert.match(broken.damaged["m.pick"], /no valid time/);
});

test("the newer answer wins to the microsecond, as in Python", () => {
  const ours = { "m.text": { value: "a", saved_at: "2026-11-29T10:00:00.000001Z" } };
  const theirs = { "m.text": { value: "b", saved_at: "2026-11-29T10:00:00.000002Z" } };
  assert.deepEqual(previewImport(ours, theirs, DATA).replaced, ["m.text"]);
  assert.deepEqual(previewImport(theirs, ours, DATA).kept, ["m.text"]);
});

test("share files carry written answers only when chosen", () => {
  const answers = {
    "m.text": { value: "mine", saved_at: "2026-11-29T10:00:00Z" },
    "m.pick": { value: "b", saved_at: "2026-11-29T10:00:00Z" },
    "m.rows": { value: [{ when: "2027-01-01" }], saved_at: "2026-11-29T10:00:00Z" },
  };
  const closed = buildShare(answers, DATA, "LEEDS-1", "amber-heron-1234", []);
  assert.deepEqual(closed.answered, ["m.text", "m.pick", "m.rows"]);
  assert.deepEqual(closed.answers, { "m.pick": "b" });
  assert.deepEqual(closed.shared_text, {});
  const open = buildShare(answers, DATA, "LEEDS-1", "amber-heron-1234", ["m.text"]);
  assert.deepEqual(open.shared_text, { "m.text": "mine" });
  assert.throws(() => buildShare(answers, DATA, "bad code!", "amber-heron-1234", []), /cohort code/);
  assert.match(newNickname(DATA, () => 0.5), /^amber-heron-[0-9]{4}$/);
});
