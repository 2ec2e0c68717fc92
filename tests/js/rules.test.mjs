// The value rules (book/_scripts/rules.js) and the time rule (time.js), with the site data
// Python writes. tests/test_site.py compares them with Python on thousands of samples.
import assert from "node:assert/strict";
import { test } from "node:test";
import { IMPLEMENTED, canonical, isEmpty, own, validate } from "../../book/_scripts/rules.js";
import { compareTimes, isDate, parseTime, timeParts } from "../../book/_scripts/time.js";
import { fixtures } from "./helpers.mjs";

const { data } = fixtures();
const ROWS = {
  type: "array", maxItems: 2,
  items: { type: "object", additionalProperties: false, properties: {
    when: { type: "string", maxLength: 20, anyOf: [{ const: "" }, { format: "date" }] },
  } },
};

test("validate follows the schema subset", () => {
  assert.equal(validate({ type: "string", maxLength: 5 }, "abc"), null);
  assert.match(validate({ type: "string", maxLength: 5 }, "abcdef"), /longer/);
  assert.equal(validate({ type: "string", maxLength: 1 }, "😀"), null); // code points, as Python
  assert.match(validate({ type: "string" }, 3), /text/);
  assert.match(validate({ type: "string", enum: ["a", "b"] }, "c"), /options/);
  assert.equal(validate(ROWS, [{ when: "" }, { when: "2027-02-28" }]), null);
  assert.notEqual(validate(ROWS, [{ when: "2027-02-30" }]), null);
  assert.notEqual(validate(ROWS, [{ who: "x" }]), null);
  assert.notEqual(validate(ROWS, [{}, {}, {}]), null);
  const rating = { type: "integer", minimum: 1, maximum: 5 };
  assert.equal(validate(rating, 5), null);
  assert.notEqual(validate(rating, 2.5), null);
  assert.notEqual(validate(rating, true), null);
  assert.notEqual(validate(rating, "3"), null);
});

test("a date cell given as a list, or a date that does not exist, is refused", () => {
  assert.match(validate(ROWS, [{ when: ["2027-01-01"] }]), /text/);
  assert.notEqual(validate(ROWS, [{ when: { 0: "2027-01-01" } }]), null);
  for (const bad of ["0000-01-01", "2027-13-01", "2026-02-29", "20270301", "2027-W09-1", " 2027-03-01"]) {
    assert.equal(isDate(bad), false, bad);
  }
  assert.equal(isDate("2028-02-29"), true);
});

test("keys such as __proto__ and constructor are ordinary names", () => {
  const closed = { type: "object", additionalProperties: false, properties: { x: { type: "integer" } } };
  for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
    const value = JSON.parse(`{"${key}": 1}`);
    assert.match(validate(closed, value), /unknown part/, key);
    assert.equal(own({}, key), undefined, key);
  }
  const required = { type: "object", required: ["constructor"], properties: {} };
  assert.match(validate(required, {}), /has no constructor/);
  assert.equal(canonical(JSON.parse('{"__proto__": 1}')), '{"__proto__":1}');
});

test("a schema keyword, type or format the checker does not implement is an error", () => {
  assert.throws(() => validate({ type: "string", pattern: "^a" }, "a"), /keyword "pattern"/);
  assert.throws(() => validate({ type: "number" }, 1), /type "number"/);
  assert.throws(() => validate({ type: "string", format: "email" }, "a@b"), /format "email"/);
  assert.throws(() => validate({ format: "email" }, 3), /format "email"/); // even for non-text
  assert.throws(() => validate({ type: "object", additionalProperties: {} }, {}), /additionalProperties/);
});

test("the checker implements exactly the keywords Python's schemas may use", () => {
  for (const group of ["keywords", "types", "formats"]) {
    assert.deepEqual([...IMPLEMENTED[group]].sort(), [...data.schemaRules[group]].sort(), group);
  }
});

test("isEmpty and canonical", () => {
  for (const empty of [null, undefined, "", "  \n", [], {}]) assert.equal(isEmpty(empty), true);
  for (const full of ["x", 0, false, [1], { a: "" }]) assert.equal(isEmpty(full), false);
  assert.equal(canonical({ b: 1, a: [2, { d: 1, c: 2 }] }), canonical({ a: [2, { c: 2, d: 1 }], b: 1 }));
});

test("times follow Python's rule: a real day, a zone, seconds, upper-case T", () => {
  const rule = data.time;
  assert.equal(parseTime("2026-11-29T10:00:00.123456+00:00", rule), Date.parse("2026-11-29T10:00:00.123Z"));
  assert.deepEqual(timeParts("2026-11-29T10:00:00.1234567Z", rule), { ms: Date.parse("2026-11-29T10:00:00.123Z"), micro: 456 });
  const yearZero = new Date(0);
  yearZero.setUTCFullYear(0, 11, 31); // 1 January of year 1 at 00:30 +01:00 is 31 December of 1 BC
  yearZero.setUTCHours(23, 30, 0, 0);
  assert.equal(parseTime("0001-01-01T00:30:00+01:00", rule), yearZero.getTime());
  for (const bad of [
    "2026-02-30T10:00:00Z", "0000-01-01T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T10:00:00",
    "2026-11-29 10:00:00Z", "2026-11-29t10:00:00z", "20261129T100000Z", "2026-11-29T10:00Z",
    "2026-11-29T10:00:60Z", "2026-11-29T10:00:00+05:60", "2026-11-29T10:00:00+24:00",
    "2026-11-29T10:00:00.Z", "2026-11-29T10:00:00,5Z", "2026-11-29T10:00:00Z\n", 20261129, null,
    `2026-11-29T10:00:00.${"1".repeat(60)}Z`,
  ]) {
    assert.ok(Number.isNaN(parseTime(bad, rule)), String(bad));
  }
  assert.equal(compareTimes("2026-11-29T10:00:00.000001Z", "2026-11-29T10:00:00Z", rule), 1);
  assert.equal(compareTimes("2026-11-29T11:00:00+01:00", "2026-11-29T10:00:00Z", rule), 0);
  assert.throws(() => parseTime("2026-11-29T10:00:00Z"), /time rule/); // no rule: never a guess
});
