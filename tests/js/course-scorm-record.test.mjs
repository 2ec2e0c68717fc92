// Unit tests of the learning-platform record (book/_static/course-scorm-record.js) and the
// safe API calls (book/_static/course-scorm-platform.js), run with `node --test tests/js/`.
// The whole launch page is tested against stand-in platforms in tests/browser/test_scorm.py.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { validate } from "../../book/_scripts/rules.js";
import { parseTime } from "../../book/_scripts/time.js";
import { fixtures } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const record = require("../../book/_static/course-scorm-record.js");
const platform = require("../../book/_static/course-scorm-platform.js");

// The answer script's own rules, with the course's time rule (as CourseAnswers gives them).
const TIME_RULE = fixtures().data.time;
const RULES = { parseTime: (text) => parseTime(text, TIME_RULE), validate };
const DATA = {
  storagePrefix: "spread-course:",
  modules: [
    { id: "m", number: 1, title: "M", prompts: ["m.text", "m.pick"] },
    { id: "n", number: 2, title: "N", prompts: ["n.text", "n.score"] },
  ],
  prompts: {
    "m.text": { module: "m", kind: "text", title: "T", freeText: true, schema: { type: "string", maxLength: 2000 } },
    "m.pick": { module: "m", kind: "choice", title: "P", freeText: false, schema: { type: "string", enum: ["a", "b"] } },
    "n.text": { module: "n", kind: "text", title: "T2", freeText: true, schema: { type: "string", maxLength: 2000 } },
    "n.score": { module: "n", kind: "rating", title: "S", freeText: false,
      schema: { type: "integer", minimum: 1, maximum: 10 } },
  },
};
const AT = "2026-01-05T10:00:00.000Z";
const LATER = "2026-01-06T10:00:00.000Z";

function state(extra = {}) {
  return {
    answers: {
      "m.text": { value: "A falls clinic", saved_at: AT },
      "m.pick": { value: "b", saved_at: AT },
      "n.score": { value: 7, saved_at: LATER },
    },
    aside: [], opened: new Set(["m"]), planBuilt: false, withText: true, ...extra,
  };
}

test("a record reads back exactly: answers, pages, plan and the tick box", () => {
  const packed = record.pack(state({ planBuilt: true, withText: false }), DATA, 64000);
  assert.deepEqual(packed.kept, ["m.pick", "n.score"]);
  assert.deepEqual(packed.private, ["m.text"]);
  const back = record.unpack(packed.text, DATA, RULES);
  assert.deepEqual(back.answers, {
    "m.pick": { value: "b", saved_at: AT }, "n.score": { value: 7, saved_at: LATER },
  });
  assert.deepEqual([...back.opened], ["m"]);
  assert.equal(back.planBuilt, true);
  assert.equal(back.withText, false);
  assert.equal(back.cut, false);
  assert.equal(back.altered, false);
  assert.equal(back.expected, 2);
  assert.equal(back.found, 2);
});

test("what does not fit is left out and counted, and the next answers are still tried", () => {
  const big = state();
  big.answers["m.text"].value = "x".repeat(1500);
  const packed = record.pack(big, DATA, 600);
  assert.ok(packed.text.length <= 600, packed.text.length);
  assert.deepEqual(packed.left, ["m.text"]);
  assert.deepEqual(packed.kept, ["m.pick", "n.score"]);
  assert.equal(record.unpack(packed.text, DATA, RULES).leftElsewhere, 1);
});

test("the byte limit counts UTF-8 bytes, not characters", () => {
  const wide = state();
  wide.answers["m.text"].value = "é".repeat(400); // 800 bytes
  const packed = record.pack(wide, DATA, 64000, 700);
  assert.ok(record.byteLength(packed.text) <= 700);
  assert.deepEqual(packed.left, ["m.text"]);
  assert.ok(record.pack(wide, DATA, 64000, 2000).kept.includes("m.text"));
});

test("one bad time or value is set aside with its reason; the rest come back", () => {
  const packed = record.pack(state(), DATA, 64000).text;
  for (const bad of ["2026-01-05T10:00:00.000 00:00", "", "null", "12345"]) {
    const damaged = packed.replace(`"b","${AT}"`, `"b",${bad === "null" || bad === "12345" ? bad : JSON.stringify(bad)}`);
    assert.notEqual(damaged, packed);
    const back = record.unpack(damaged, DATA, RULES);
    assert.deepEqual(Object.keys(back.answers).sort(), ["m.text", "n.score"], bad);
    assert.equal(back.aside.length, 1);
    assert.equal(back.aside[0].pid, "m.pick");
    assert.match(back.aside[0].reason, /saved time/);
    assert.equal(back.altered, true); // the checksum no longer matches
  }
  const wrongValue = packed.replace('"b"', '"zzz"');
  const back = record.unpack(wrongValue, DATA, RULES);
  assert.equal(back.aside[0].reason, "its value does not fit the question");
});

test("an unknown question keeps its answer, but a bad time under it is set aside", () => {
  const extra = state();
  extra.answers["old.question"] = { value: "kept", saved_at: AT };
  const packed = record.pack(extra, DATA, 64000).text;
  assert.deepEqual(record.unpack(packed, DATA, RULES).answers["old.question"], { value: "kept", saved_at: AT });
  const back = record.unpack(packed.replace(`"kept","${AT}"`, '"kept",null'), DATA, RULES);
  assert.equal(back.answers["old.question"], undefined);
  assert.equal(back.aside[0].pid, "old.question");
  assert.equal(back.found, 3);
});

test("set-aside answers stay in the record, unchanged, and are not read as answers", () => {
  const aside = [{ pid: "m.pick", value: "b", saved_at: "broken", reason: "x" }];
  const packed = record.pack(state({ aside }), DATA, 64000);
  assert.equal(packed.asideKept, 1);
  const back = record.unpack(packed.text, DATA, RULES);
  assert.equal(back.aside.length, 1);
  assert.deepEqual([back.aside[0].value, back.aside[0].saved_at], ["b", "broken"]);
  assert.deepEqual(back.answers["m.pick"], { value: "b", saved_at: AT });
  assert.equal(back.expected, 4);
});

test("a record cut short is noticed, and its whole lines are still read", () => {
  const packed = record.pack(state(), DATA, 64000).text;
  for (let cut = packed.indexOf("\n") + 1; cut < packed.length; cut += 7) {
    const back = record.unpack(packed.slice(0, cut), DATA, RULES);
    assert.equal(back.cut, true, `cut at ${cut}`);
    assert.equal(back.expected, 3);
    assert.ok(back.found < 3);
    assert.equal(back.aside.length, 0, "a cut line is not an answer to set aside");
    for (const [pid, entry] of Object.entries(back.answers)) assert.deepEqual(entry, state().answers[pid]);
  }
  assert.equal(record.unpack(packed.slice(0, 20), DATA, RULES).unreadable, true);
});

test("version 1 records from earlier copies of the course are read, answer by answer", () => {
  const v1 = JSON.stringify({ v: 1, o: ["m"], p: 1, a: { "m.pick": ["a", AT], "n.score": [3, "bad"] } });
  const back = record.unpack(v1, DATA, RULES);
  assert.deepEqual(back.answers, { "m.pick": { value: "a", saved_at: AT } });
  assert.equal(back.aside[0].pid, "n.score");
  assert.equal(back.planBuilt, true);
  assert.deepEqual(record.unpack("", DATA, RULES).answers, {});
  assert.equal(record.unpack("not a record", DATA, RULES).unreadable, true);
});

test("merge keeps the newer answer of each question and reports what changed", () => {
  const known = { a: { value: 1, saved_at: AT }, b: { value: 2, saved_at: LATER } };
  const changed = record.merge(known, { a: { value: 9, saved_at: LATER }, b: { value: 8, saved_at: AT },
    c: { value: 3, saved_at: AT } }, RULES.parseTime);
  assert.deepEqual(changed, ["a", "c"]);
  assert.deepEqual(known, { a: { value: 9, saved_at: LATER }, b: { value: 2, saved_at: LATER },
    c: { value: 3, saved_at: AT } });
});

test("learners get their own storage prefix, and the id itself is not in it", () => {
  const a = record.learnerPrefix("spread-course:", "alice.smith");
  const b = record.learnerPrefix("spread-course:", "bob.jones");
  assert.match(a, /^spread-course@[0-9a-f]{16}:$/);
  assert.notEqual(a, b);
  assert.equal(a, record.learnerPrefix("spread-course:", "alice.smith"));
  assert.ok(!a.includes("alice"));
});

test("a saved location opens only one of the package's own pages", () => {
  const pages = ["index.html", "book/modules/mindset.html"];
  assert.equal(record.safeLocation("book/modules/mindset.html", pages), "book/modules/mindset.html");
  assert.equal(record.safeLocation("book/modules/mindset.html#ex-1", pages), "book/modules/mindset.html#ex-1");
  for (const bad of ["//127.0.0.1:8000/phish.html", "javascript:alert(1)", "https://evil.example/index.html",
    "../index.html", "book/../index.html", "/index.html", "book/modules/mindset.html#x\"y", "", null, 7]) {
    assert.equal(record.safeLocation(bad, pages), null, String(bad));
  }
});

test("the platform calls never throw: failures become one plain description", () => {
  const version = platform.VERSIONS["2004"];
  const calls = [];
  const lms = {
    Initialize: () => "true",
    SetValue: (field, value) => { calls.push([field, value]); return field === "cmi.location" ? "false" : "true"; },
    GetValue: () => { throw new Error("network down"); },
    Commit: () => "false",
    GetLastError: () => (calls.length && calls.at(-1)[0] === "cmi.location" ? "351" : "0"),
    GetErrorString: (code) => (code === "351" ? "General Set Failure" : ""),
    Terminate: () => { throw new TypeError("gone"); },
  };
  const p = new platform.Platform(lms, version);
  assert.equal(p.initialize(), true);
  assert.equal(p.set("exit", "suspend"), true);
  assert.equal(p.set("location", "x.html"), false);
  assert.equal(p.problem, 'its SetValue call answered "General Set Failure" (error 351)');
  calls.length = 0;
  assert.equal(p.get("data"), "");
  assert.equal(p.problem, "its GetValue call failed: network down");
  assert.equal(p.commit(), false);
  assert.equal(p.problem, 'its Commit call answered "false"');
  assert.equal(p.terminate(), false);
  assert.match(p.problem, /Terminate call failed: gone/);
  assert.equal(platform.VERSIONS["1.2"].sessionTime(3725)[1], "01:02:05");
  assert.equal(version.sessionTime(61.4)[1], "PT61S");
});

test("line breaks turned into CR LF on the way (a beacon's form data) change nothing", () => {
  const packed = record.pack(state(), DATA, 64000).text;
  const back = record.unpack(packed.replace(/\n/g, "\r\n"), DATA, RULES);
  assert.equal(back.found, 3);
  assert.equal(back.altered, false);
  assert.equal(back.cut, false);
});
