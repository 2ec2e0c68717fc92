// The page (book/_scripts/page.js, exercise.js, panel*.js) in jsdom, on the HTML Python
// makes: two tabs that share one storage, typing that another tab's save must not wipe,
// full storage, page.flush(), and hostile question ids in the load preview.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Page } from "../../book/_scripts/page.js";
import { readWorkbookFile } from "../../book/_scripts/panel-import.js";
import { dumpWorkbook } from "../../book/_scripts/workbook.js";
import { COMMON, MemoryStorage, fixtures, loadKinds, windowWith } from "./helpers.mjs";

const { data, prompts, panel } = fixtures();
const kinds = await loadKinds();
const module = data.modules.find((m) => m.prompts.some((pid) => data.prompts[pid].kind === "text"));
const html = prompts.filter((p) => p.id.startsWith(`${module.id}.`)).map((p) => p.html).join("") + panel;
const textId = module.prompts.find((pid) => data.prompts[pid].kind === "text");
const choiceId = module.prompts.find((pid) => ["choice", "quiz"].includes(data.prompts[pid].kind));

/** A tab: a window on the module page with the given local and session storage. */
function tab(local, session = new MemoryStorage()) {
  const win = windowWith(html);
  Object.defineProperty(win, "localStorage", { value: local });
  Object.defineProperty(win, "sessionStorage", { value: session });
  win.COURSE_DATA = data;
  win.downloads = [];
  win.URL.createObjectURL = (blob) => { win.downloads.push(blob); return "blob:course"; };
  win.URL.revokeObjectURL = () => {};
  const page = new Page(win.document, win, kinds, COMMON);
  return { win, page, doc: win.document };
}

/** What another tab's write looks like to this one: a storage event. */
function tell({ win }, storage, key) {
  const event = new win.Event("storage");
  Object.assign(event, { key, storageArea: storage, newValue: storage.getItem(key) });
  win.dispatchEvent(event);
}

const form = ({ doc }, pid) => doc.querySelector(`[data-prompt="${pid}"]`);
const status = (t, pid) => form(t, pid).querySelector(COMMON.status.selector).textContent;
const textBox = (t) => form(t, textId).querySelector("textarea");
const stored = (storage, pid) => JSON.parse(storage.getItem(`spread-course:answer:${pid}`)).value;

function type(t, text) {
  const box = textBox(t);
  box.focus();
  box.value = text;
  box.dispatchEvent(new t.win.Event("input", { bubbles: true }));
}

test("answers kept here fill the forms and say so", () => {
  const local = new MemoryStorage();
  const a = tab(local);
  type(a, "Our falls huddle");
  a.page.flush();
  assert.match(status(a, textId), /^Saved on this device at/);
  const b = tab(local);
  assert.equal(textBox(b).value, "Our falls huddle");
  assert.match(status(b, textId), /^Kept on this device \(saved/);
  assert.ok(form(b, textId).querySelector(".course-no-script").hidden);
});

test("another tab's save fills a form the learner is not using", () => {
  const local = new MemoryStorage();
  const a = tab(local);
  const b = tab(local);
  type(a, "From tab A");
  a.page.flush();
  tell(b, local, `spread-course:answer:${textId}`);
  assert.equal(textBox(b).value, "From tab A");
  assert.match(status(b, textId), /^Kept on this device/);
});

test("another tab's save never wipes typing here; the learner keeps either answer", () => {
  const local = new MemoryStorage();
  const a = tab(local);
  const b = tab(local);
  type(b, "Typed in B, not saved yet");
  type(a, "Saved in A");
  a.page.flush();
  tell(b, local, `spread-course:answer:${textId}`);
  assert.equal(textBox(b).value, "Typed in B, not saved yet");
  assert.match(status(b, textId), /Another tab saved a different answer/);
  assert.doesNotMatch(status(b, textId), /Kept on this device/);
  b.page.exercises.find((ex) => ex.pid === textId).flush(); // her debounce runs out: not saved over A
  assert.equal(stored(local, textId), "Saved in A");
  textBox(b).blur(); // she looks away; another save in A still leaves her words alone
  type(a, "Saved in A again");
  a.page.flush();
  tell(b, local, `spread-course:answer:${textId}`);
  assert.equal(textBox(b).value, "Typed in B, not saved yet");
  assert.match(status(b, textId), /Another tab saved a different answer/);
  const [keep, use] = form(b, textId).querySelectorAll(".course-conflict button");
  assert.equal(keep.textContent, "Keep my answer from this tab");
  use.click(); // see the other answer: it is the one kept
  assert.equal(textBox(b).value, "Saved in A again");
  assert.equal(stored(local, textId), "Saved in A again");
  form(b, textId).querySelector(".course-conflict button").click(); // put mine back
  assert.equal(textBox(b).value, "Typed in B, not saved yet");
  assert.equal(stored(local, textId), "Typed in B, not saved yet");
  assert.match(status(b, textId), /^Saved on this device/);
});

test("leaving the page with an unresolved conflict saves what was typed", () => {
  const local = new MemoryStorage();
  const a = tab(local);
  const b = tab(local);
  type(b, "B's words");
  type(a, "A's words");
  a.page.flush();
  tell(b, local, `spread-course:answer:${textId}`);
  b.win.dispatchEvent(new b.win.Event("pagehide"));
  assert.equal(stored(local, textId), "B's words");
});

test("two tabs saving different questions: the other tab's answers stay and show", () => {
  const local = new MemoryStorage();
  const a = tab(local);
  const b = tab(local);
  type(a, "Text from A");
  a.page.flush();
  const radio = form(b, choiceId).querySelector("input[type=radio]");
  radio.checked = true;
  radio.dispatchEvent(new b.win.Event("change", { bubbles: true }));
  b.page.flush();
  tell(a, local, `spread-course:answer:${choiceId}`);
  tell(b, local, `spread-course:answer:${textId}`);
  assert.equal(stored(local, textId), "Text from A");
  assert.equal(stored(local, choiceId), radio.value);
  assert.ok(form(a, choiceId).querySelector(`input[value="${radio.value}"]`).checked);
  assert.equal(textBox(b).value, "Text from A");
});

test("storage full: every stored answer and the typed text are shown and downloaded", async () => {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const before = tab(local, session);
  const radio = form(before, choiceId).querySelector("input[type=radio]");
  radio.checked = true;
  radio.dispatchEvent(new before.win.Event("change", { bubbles: true }));
  before.page.flush();
  local.failWhen = () => true; // another app on this site filled the quota
  const t = tab(local, session);
  assert.ok(form(t, choiceId).querySelector(`input[value="${radio.value}"]`).checked);
  assert.match(t.doc.querySelector(".course-device-count").textContent, /no room left/);
  type(t, "Typed while full");
  t.page.flush();
  assert.match(status(t, textId), /no room left.*kept\s+in this tab only/s);
  t.doc.querySelector("[data-action=download-workbook]").click();
  const workbook = JSON.parse(await t.win.downloads[0].text());
  assert.equal(workbook.answers[textId].value, "Typed while full");
  assert.equal(workbook.answers[choiceId].value, radio.value);
  const reloaded = tab(local, session); // a reload of the same tab keeps the held text
  assert.equal(textBox(reloaded).value, "Typed while full");
  session.failWhen = () => true;
  type(reloaded, "Typed when even the tab is full");
  reloaded.page.flush();
  assert.match(status(reloaded, textId), /on this page only/);
  const leave = new reloaded.win.Event("beforeunload", { cancelable: true });
  reloaded.win.dispatchEvent(leave);
  assert.ok(leave.defaultPrevented); // the browser asks before the held answer is lost
});

test("page.flush() saves typing that is still waiting, at once", () => {
  const local = new MemoryStorage();
  const t = tab(local);
  type(t, "Not saved yet");
  assert.equal(local.getItem(`spread-course:answer:${textId}`), null);
  t.page.flush();
  assert.equal(stored(local, textId), "Not saved yet");
});

test("the load preview lists hostile question ids without an error", async () => {
  const t = tab(new MemoryStorage());
  const hostile = ["__proto__", "constructor", "toString", "hasOwnProperty", textId];
  const answers = Object.fromEntries(
    hostile.map((pid) => [pid, { value: "x", saved_at: "2026-11-29T10:00:00Z" }]),
  );
  const text = dumpWorkbook(answers, data);
  const file = new t.win.File([text], "workbook.json", { type: "application/json" });
  await readWorkbookFile(t.page.panels[0], { files: [file] });
  const preview = t.doc.querySelector(".course-import").textContent;
  assert.match(preview, /^5 answers will be added;/);
  for (const pid of hostile.slice(0, 4)) {
    assert.match(preview, new RegExp(`does not have \\(${pid}\\): the file's answer \\(saved [^)]+\\) will be added`));
  }
  assert.match(preview, /The change I want to spread \(Module 1, The new mindset[^)]*\): the file's answer/);
  [...t.doc.querySelectorAll(".course-import button")].find((b) => b.textContent === "Load these answers").click();
  assert.match(t.doc.querySelector(".course-import").textContent, /Loaded 5 answers/);
  assert.equal(textBox(t).value, "x");
  assert.equal(Object.keys(t.page.store.answers()).length, 5);
});
