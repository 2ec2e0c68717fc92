// The browser store (book/_scripts/store.js): one key per answer, so no save is lost;
// the older whole-workbook key moved over; full or failing storage held in the tab.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FULL_PAGE, FULL_TAB, NO_STORAGE, Store } from "../../book/_scripts/store.js";
import { dumpWorkbook } from "../../book/_scripts/workbook.js";
import { MemoryStorage, fixtures } from "./helpers.mjs";

const { data: DATA } = fixtures();
const T = (n) => Date.parse("2026-11-29T10:00:00Z") + n * 1000;
const values = (answers) => Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value]));

test("each answer has its own key, and only this course's keys are removed", () => {
  const storage = new MemoryStorage();
  storage.setItem("someone-else", "x");
  const store = new Store(storage, DATA);
  store.save("m.text", "one", T(0));
  store.save("m.pick", "a", T(1));
  assert.deepEqual(values(store.answers()), { "m.text": "one", "m.pick": "a" });
  assert.equal(JSON.parse(storage.getItem("spread-course:answer:m.text")).value, "one");
  assert.equal(storage.getItem("spread-course:workbook"), null);
  store.clear();
  assert.deepEqual([...storage.items.keys()], ["someone-else"]);
});

test("two tabs saving different questions in turn never lose a save", () => {
  const shared = new MemoryStorage();
  const tabs = [new Store(shared, DATA, new MemoryStorage()), new Store(shared, DATA, new MemoryStorage())];
  const big = "x".repeat(1000);
  for (let n = 0; n < 240; n += 1) {
    const before = tabs[n % 2].answers(); // each tab works from what it read earlier
    tabs[n % 2].save(`q${n}`, `${big}${n}`, T(n));
    tabs[(n + 1) % 2].write(before); // and writes back what it had: nothing newer is undone
  }
  for (const tab of tabs) {
    const answers = tab.answers();
    assert.equal(Object.keys(answers).length, 240);
    for (let n = 0; n < 240; n += 1) assert.equal(answers[`q${n}`].value, `${big}${n}`);
  }
});

test("write() keeps the newer answer another tab saved meanwhile", () => {
  const shared = new MemoryStorage();
  const a = new Store(shared, DATA);
  const b = new Store(shared, DATA);
  a.save("q", "old", T(0));
  const stale = a.answers();
  b.save("q", "newer", T(5));
  assert.deepEqual(a.write(stale), { stored: 0, held: 0 });
  assert.equal(b.answers().q.value, "newer");
  assert.deepEqual(a.write({ q: { value: "newest", saved_at: new Date(T(9)).toISOString() } }), { stored: 1, held: 0 });
  assert.equal(b.answers().q.value, "newest");
});

test("a whole workbook under the older key moves into per-answer keys, nothing lost or doubled", () => {
  const storage = new MemoryStorage();
  const old = {
    a: { value: "from the workbook", saved_at: "2026-11-29T10:00:00Z" },
    b: { value: "older in the workbook", saved_at: "2026-11-29T09:00:00Z" },
    constructor: { value: "an odd id", saved_at: "2026-11-29T09:00:00Z" },
  };
  storage.setItem("spread-course:workbook", dumpWorkbook(old, DATA));
  storage.setItem("spread-course:answer:b", JSON.stringify({ value: "newer", saved_at: "2026-11-29T11:00:00Z" }));
  const store = new Store(storage, DATA);
  assert.equal(storage.getItem("spread-course:workbook"), null);
  assert.deepEqual(values(store.answers()), { a: "from the workbook", b: "newer", constructor: "an odd id" });
  const keys = [...storage.items.keys()].filter((k) => k.startsWith("spread-course:answer:")).sort();
  assert.deepEqual(keys, ["a", "b", "constructor"].map((k) => `spread-course:answer:${k}`));
});

test("a move that runs out of room keeps the older key and still shows every answer", () => {
  const storage = new MemoryStorage();
  const old = { a: { value: "A", saved_at: "2026-11-29T10:00:00Z" }, b: { value: "B", saved_at: "2026-11-29T10:00:00Z" } };
  storage.setItem("spread-course:workbook", dumpWorkbook(old, DATA));
  storage.failWhen = (key) => key === "spread-course:answer:b" || key.endsWith("probe");
  const store = new Store(storage, DATA);
  assert.notEqual(storage.getItem("spread-course:workbook"), null);
  assert.deepEqual(values(store.answers()), { a: "A", b: "B" });
  storage.failWhen = () => false;
  assert.deepEqual(values(new Store(storage, DATA).answers()), { a: "A", b: "B" });
  assert.equal(storage.getItem("spread-course:workbook"), null);
});

test("damaged entries are set aside, never deleted; a damaged older workbook too", () => {
  const storage = new MemoryStorage();
  storage.setItem("spread-course:answer:x", "{broken");
  storage.setItem("spread-course:answer:y", JSON.stringify({ value: 1, saved_at: "2026-02-30T10:00:00Z" }));
  // (30 February: not a time, so the entry is damaged)
  storage.setItem("spread-course:workbook", "{also broken");
  const store = new Store(storage, DATA);
  assert.deepEqual(values(store.answers()), {});
  assert.match(store.problem, /damaged, so it was set aside/);
  const aside = [...storage.items.entries()].filter(([k]) => k.startsWith("spread-course:damaged-"));
  const y = JSON.stringify({ value: 1, saved_at: "2026-02-30T10:00:00Z" });
  assert.deepEqual(aside.map(([, v]) => v).sort(), ["{also broken", "{broken", y].sort());
  assert.equal(aside.length, 3);
});

test("answers kept by a newer version of the course are left alone", () => {
  const storage = new MemoryStorage();
  storage.setItem("spread-course:store-version", "9");
  storage.setItem("spread-course:answer:x", JSON.stringify({ value: "v9 value", saved_at: "soon" }));
  const store = new Store(storage, DATA);
  assert.deepEqual(values(store.answers()), {});
  assert.ok(store.readOnly);
  assert.throws(() => store.save("x", "y"), /newer version/);
  assert.equal(storage.getItem("spread-course:answer:x"), JSON.stringify({ value: "v9 value", saved_at: "soon" }));
  const legacy = new MemoryStorage();
  legacy.setItem("spread-course:workbook", '{"format": "spread-course-workbook", "version": 9, "answers": {}}');
  assert.match(new Store(legacy, DATA).problem, /newer version/);
  assert.notEqual(legacy.getItem("spread-course:workbook"), null);
});

test("storage full: answers are held in the tab, then the page, and every one is still read", () => {
  const storage = new MemoryStorage();
  const session = new MemoryStorage();
  new Store(storage, DATA).save("stored", "kept before it filled up", T(0));
  storage.failWhen = () => true; // another app filled the quota
  const store = new Store(storage, DATA, session);
  assert.match(store.problem, /no room left/);
  assert.deepEqual(values(store.answers()), { stored: "kept before it filled up" });
  const tab = store.save("typed", "typed after", T(1));
  assert.equal(tab.where, "tab");
  assert.equal(store.problem, FULL_TAB);
  assert.deepEqual(values(store.answers()), { stored: "kept before it filled up", typed: "typed after" });
  // A reload of the tab (a new store, the same session storage) still has it.
  assert.deepEqual(values(new Store(storage, DATA, session).answers()).typed, "typed after");
  session.failWhen = () => true;
  const page = store.save("more", "held in the page", T(2));
  assert.equal(page.where, "page");
  assert.equal(store.problem, FULL_PAGE);
  assert.equal(store.where("more"), "page");
  assert.equal(store.where("typed"), "tab");
  assert.equal(store.where("stored"), "device");
  assert.deepEqual(Object.keys(store.answers()).sort(), ["more", "stored", "typed"]);
  // Room again: the next save stores everything held as well.
  storage.failWhen = () => false;
  assert.equal(store.save("last", "x", T(3)).where, "device");
  assert.deepEqual(Object.keys(new Store(storage, DATA).answers()).sort(), ["last", "more", "stored", "typed"]);
  assert.equal(store.problem, null);
});

test("blocked storage is said in one plain sentence and answers stay on the page", () => {
  const blocked = { getItem() { throw new Error("SecurityError"); } };
  const store = new Store(blocked, DATA, blocked);
  assert.equal(store.problem, NO_STORAGE);
  assert.equal(store.save("m.text", "x").where, "page");
  assert.deepEqual(values(store.answers()), { "m.text": "x" });
});

test("settings are kept under the prefix and failures there are harmless", () => {
  const storage = new MemoryStorage();
  const store = new Store(storage, DATA);
  store.set("cohort", "LEEDS-1");
  assert.equal(store.get("cohort"), "LEEDS-1");
  storage.failWhen = () => true;
  store.set("cohort", "other");
  assert.equal(store.get("cohort"), "LEEDS-1");
});
