/**
 * The answers this browser keeps, so that no save is ever lost.
 *
 * Each answer has its own key, `<prefix>answer:<question id>`, holding the workbook's
 * entry {"value": ..., "saved_at": ...}. Two tabs saving different questions at the same
 * moment write different keys, so neither can overwrite the other; nothing is ever read,
 * changed and written back whole. `<prefix>store-version` says which workbook version the
 * entries follow (a newer one leaves them read-only). A whole workbook under the older
 * key `<prefix>workbook` is moved into per-answer keys on first use, the newer answer
 * winning per question, and removed only once every answer is in its own key.
 *
 * When a write fails (storage full, or blocked), the answer is held in this tab's session
 * storage (`<prefix>held:<id>`, which survives a reload of the tab), or failing that in this
 * page's memory; answers() always returns every stored and held answer, the newest per
 * question, and `problem` says in one plain sentence what is happening and what to do.
 * A damaged entry is set aside under `<prefix>damaged-<time>:<id>`, never deleted.
 */
import { CourseError } from "./errors.js";
import { answerMap, entryText, isSavedAnswer, parseWorkbook } from "./workbook.js";
import { compareTimes, nowIso } from "./time.js";

const ANSWER = "answer:";
const HELD = "held:";

export const NO_STORAGE =
  "This browser is not keeping answers (a private window, or storage is blocked " +
  "or full), so answers typed here will be lost when you leave: download your " +
  "workbook before you go, or use the course in Jupyter.";
export const FULL =
  "This browser has no room left to keep answers for this site, so new answers may be " +
  "kept only while this tab is open: download your workbook before you leave.";
export const FULL_TAB =
  "This browser has no room left to keep answers for this site, so some answers are kept " +
  "in this tab only until you close it: download your workbook now so nothing is lost.";
export const FULL_PAGE =
  "This browser has no room left to keep answers for this site, so some answers are kept " +
  "on this page only: download your workbook now, before you leave or reload the page.";

/** The keys of a Storage that start with `start` (a snapshot: safe to change it after). */
function keysOf(storage, start) {
  const found = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(start)) found.push(key);
  }
  return found;
}

function tryStorage(storage) {
  try {
    if (!storage) return null;
    storage.getItem("probe");
    return storage;
  } catch {
    return null;
  }
}

/** Keep `answer` in `map` under `pid` unless the map already holds a newer one there. */
function newest(map, pid, answer, data) {
  const had = map[pid];
  if (!had || compareTimes(answer.saved_at, had.saved_at, data.time) > 0) map[pid] = answer;
}

/** The answers this browser keeps, under keys that start with the course's prefix. */
export class Store {
  /** `storage` is localStorage (or null); `session` this tab's sessionStorage, if any. */
  constructor(storage, data, session = null) {
    this.data = data;
    this.prefix = data.storagePrefix;
    this.legacyKey = `${this.prefix}workbook`;
    this.versionKey = `${this.prefix}store-version`;
    this.storage = tryStorage(storage);
    this.session = tryStorage(session);
    this.memory = answerMap();
    this.readOnly = false;
    this.full = false;
    this.notice = null;
    this.brokenLegacy = null;
    if (!this.storage) return;
    try {
      this.storage.setItem(`${this.prefix}probe`, "1");
      this.storage.removeItem(`${this.prefix}probe`);
    } catch {
      this.full = true; // still readable: every answer kept here is still shown
    }
    const version = Number(this.storage.getItem(this.versionKey));
    if (version > data.workbook.version) {
      this.readOnly = true;
      this.notice =
        `The answers kept in this browser were saved by a newer version of the course ` +
        `(version ${version}). Open the newest copy of this website, or ask whoever runs ` +
        "it to update it. Nothing here will be saved until then.";
      return;
    }
    this.migrate();
  }

  /** One plain sentence on what is wrong with keeping answers here, or null. */
  get problem() {
    if (this.readOnly) return this.notice;
    if (!this.storage) return NO_STORAGE;
    if (Object.keys(this.memory).length) return FULL_PAGE;
    if (this.session && keysOf(this.session, this.prefix + HELD).length) return FULL_TAB;
    if (this.full) return FULL;
    return this.notice;
  }

  set problem(text) {
    this.notice = text;
  }

  answerKey(pid) {
    return this.prefix + ANSWER + pid;
  }

  /** Move a damaged value aside under its own key (left in place if that cannot be done). */
  setAside(key, text, what) {
    try {
      const name = key.slice(this.prefix.length);
      this.storage.setItem(`${this.prefix}damaged-${Date.now()}:${name}`, text);
      this.storage.removeItem(key);
      this.notice = `${what} kept in this browser was damaged, so it was set aside.`;
    } catch {
      this.notice = `${what} kept in this browser is damaged; it is left as it is.`;
    }
  }

  /** The answer kept under `key` in `storage`, or null (a damaged one is set aside). */
  readEntry(storage, key) {
    const text = storage.getItem(key);
    if (text === null) return null;
    let entry = null;
    try {
      entry = JSON.parse(text);
    } catch {
      entry = null;
    }
    if (isSavedAnswer(entry, this.data)) return { value: entry.value, saved_at: entry.saved_at };
    if (storage === this.storage) this.setAside(key, text, "One answer");
    else storage.removeItem(key);
    return null;
  }

  /** The answers of a whole-workbook value under the older key (none if it is unusable). */
  legacy() {
    const text = this.storage.getItem(this.legacyKey);
    if (text === null || text === this.brokenLegacy) return answerMap();
    try {
      return parseWorkbook(text, this.data);
    } catch (err) {
      if (err.newer) {
        this.readOnly = true;
        this.notice =
          `The answers kept in this browser were ${err.message} Nothing here will be saved ` +
          "until then.";
      } else {
        this.setAside(this.legacyKey, text, "The workbook");
        if (this.storage.getItem(this.legacyKey) === text) this.brokenLegacy = text;
      }
      return answerMap();
    }
  }

  /** Fold a whole workbook under the older key into per-answer keys (see the module). */
  migrate() {
    if (!this.storage || this.readOnly || this.storage.getItem(this.legacyKey) === null) return;
    const old = this.legacy();
    for (const [pid, answer] of Object.entries(old)) {
      const mine = this.readEntry(this.storage, this.answerKey(pid));
      if (mine && compareTimes(answer.saved_at, mine.saved_at, this.data.time) <= 0) continue;
      if (!this.put(pid, answer)) return; // storage full: the older key stays, and is read
    }
    if (!this.readOnly && this.storage.getItem(this.legacyKey) !== this.brokenLegacy) {
      this.storage.removeItem(this.legacyKey);
    }
  }

  /** Write one answer to its key; false if the browser refused (full or blocked). */
  put(pid, answer) {
    try {
      this.storage.setItem(this.answerKey(pid), entryText(answer));
    } catch {
      this.full = true;
      return false;
    }
    this.full = false;
    try {
      if (this.storage.getItem(this.versionKey) === null) {
        this.storage.setItem(this.versionKey, String(this.data.workbook.version));
      }
    } catch {
      /* the marker is written with the next answer that fits */
    }
    return true;
  }

  /**
   * Every answer kept here, the newest per question: stored, held in this tab, held on
   * this page (only the held ones while the stored answers belong to a newer course).
   */
  answers() {
    const all = answerMap();
    if (this.storage && !this.readOnly) {
      this.migrate();
      for (const [pid, answer] of Object.entries(this.legacy())) newest(all, pid, answer, this.data);
      for (const key of keysOf(this.storage, this.prefix + ANSWER)) {
        const answer = this.readEntry(this.storage, key);
        if (answer) newest(all, key.slice(this.prefix.length + ANSWER.length), answer, this.data);
      }
    }
    for (const [pid, answer] of Object.entries(this.held())) newest(all, pid, answer, this.data);
    return all;
  }

  /** Answers this tab and page hold because storage refused them. */
  held() {
    const held = answerMap();
    if (this.session) {
      for (const key of keysOf(this.session, this.prefix + HELD)) {
        const answer = this.readEntry(this.session, key);
        if (answer) held[key.slice(this.prefix.length + HELD.length)] = answer;
      }
    }
    for (const [pid, answer] of Object.entries(this.memory)) newest(held, pid, answer, this.data);
    return held;
  }

  /** The newest answer kept here for one question, or null. */
  answer(pid) {
    const found = answerMap();
    if (this.storage && !this.readOnly) {
      const stored = this.readEntry(this.storage, this.answerKey(pid));
      if (stored) found[pid] = stored;
      const old = this.legacy();
      if (Object.hasOwn(old, pid)) newest(found, pid, old[pid], this.data);
    }
    const held = this.held();
    if (Object.hasOwn(held, pid)) newest(found, pid, held[pid], this.data);
    return found[pid] || null;
  }

  /** Where the newest copy of an answer is: "device", "tab", "page", or null if none. */
  where(pid) {
    const answer = this.answer(pid);
    if (!answer) return null;
    const text = entryText(answer);
    if (Object.hasOwn(this.memory, pid) && entryText(this.memory[pid]) === text) return "page";
    if (this.session && this.session.getItem(this.prefix + HELD + pid) === text) return "tab";
    return "device";
  }

  /** Keep one answer: in its key, else in this tab, else on this page. Says where. */
  keep(pid, answer) {
    if (this.storage && this.put(pid, answer)) {
      delete this.memory[pid];
      if (this.session) this.session.removeItem(this.prefix + HELD + pid);
      this.storeHeld();
      return "device";
    }
    try {
      if (!this.session) throw new Error("no session storage");
      this.session.setItem(this.prefix + HELD + pid, entryText(answer));
      delete this.memory[pid];
      return "tab";
    } catch {
      this.memory[pid] = answer;
      return "page";
    }
  }

  /** Try again to store the answers held in this tab or page (storage may have room now). */
  storeHeld() {
    for (const [pid, answer] of Object.entries(this.held())) {
      const stored = this.readEntry(this.storage, this.answerKey(pid));
      if (stored && compareTimes(answer.saved_at, stored.saved_at, this.data.time) <= 0) {
        this.drop(pid);
      } else if (this.put(pid, answer)) {
        this.drop(pid);
      } else {
        return;
      }
    }
  }

  drop(pid) {
    delete this.memory[pid];
    if (this.session) this.session.removeItem(this.prefix + HELD + pid);
  }

  /**
   * Keep each answer of `answers` that is newer than the one kept here (an answer another
   * tab saved meanwhile is never replaced by an older one). Returns how many were kept
   * on the device and how many only in this tab or page (then `problem` says so).
   */
  write(answers) {
    if (this.readOnly) throw new CourseError(this.problem);
    const result = { stored: 0, held: 0 };
    for (const [pid, answer] of Object.entries(answers)) {
      if (!isSavedAnswer(answer, this.data)) continue;
      const mine = this.answer(pid);
      if (mine && compareTimes(answer.saved_at, mine.saved_at, this.data.time) <= 0) continue;
      const where = this.keep(pid, { value: answer.value, saved_at: answer.saved_at });
      result[where === "device" ? "stored" : "held"] += 1;
    }
    return result;
  }

  /** Save one answer now; returns it with `where` it is kept ("device", "tab" or "page"). */
  save(pid, value, now = Date.now()) {
    if (this.readOnly) throw new CourseError(this.problem);
    const answer = { value, saved_at: nowIso(now) };
    return { ...answer, where: this.keep(pid, answer) };
  }

  /** A remembered setting (cohort code, nickname...), or null. */
  get(name) {
    try {
      return this.storage ? this.storage.getItem(this.prefix + name) : null;
    } catch {
      return null;
    }
  }

  set(name, value) {
    try {
      if (this.storage) this.storage.setItem(this.prefix + name, value);
    } catch {
      /* a remembered setting is a convenience; nothing is lost without it */
    }
  }

  /** Remove every key of this course from this browser and tab (and nothing else). */
  clear() {
    this.memory = answerMap();
    this.notice = null;
    this.brokenLegacy = null;
    for (const storage of [this.storage, this.session]) {
      if (storage) keysOf(storage, this.prefix).forEach((key) => storage.removeItem(key));
    }
  }
}
