/**
 * The words of the import preview and the share preview, filled from the templates that
 * exercises/wording.py defines (COURSE_DATA.wording), the same way Python fills them, so
 * the website and Jupyter say the same thing about the same files (tests/test_wording.py
 * runs both and compares). Each answer is named with its module, in the course's order.
 */
import { own } from "./rules.js";
import { parseTime } from "./time.js";

/** `template` with each {name} slot replaced by its value. */
export function fill(template, values) {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, name) => String(values[name]));
}

/** A count's sentence: `forms` is [key, one, many] or [one, many]. */
export function counted(forms, n, values = {}) {
  const [one, many] = forms.slice(-2);
  return fill(n === 1 ? one : many, { ...values, n });
}

/** A question as the previews name it, with its module. */
export function question(data, pid) {
  const prompt = own(data.prompts, pid);
  const module = prompt ? data.modules.find((m) => m.id === prompt.module) : null;
  if (!prompt || !module) return fill(data.wording.unknownQuestion, { id: pid });
  return fill(data.wording.question, { title: prompt.title, number: module.number, module: module.title });
}

/** `ids` in the course's order; questions the course does not know last, sorted. */
export function courseOrder(data, ids) {
  const place = new Map(data.modules.flatMap((m) => m.prompts).map((pid, n) => [pid, n]));
  const key = (pid) => (place.has(pid) ? place.get(pid) : place.size);
  return [...ids].sort((a, b) => key(a) - key(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function two(n) {
  return String(n).padStart(2, "0");
}

/** A saved time in words, in local time, as Python's timefmt.local_words: 26 Nov 2026 at 14:32. */
export function timeWords(iso, data) {
  const ms = parseTime(iso, data.time);
  if (Number.isNaN(ms)) return `an unknown time (${String(iso).slice(0, data.time.maxChars)})`;
  const at = new Date(ms);
  const month = data.wording.months[at.getMonth()];
  return `${at.getDate()} ${month} ${at.getFullYear()} at ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** The import preview's summary from its counts (see exercises/wording.py). */
export function importSummary(counts, data) {
  const words = data.wording.import;
  const first = words.first.map((f) => counted(f, counts[f[0]] || 0)).join("; ");
  const more = words.more.filter((f) => counts[f[0]]).map((f) => counted(f, counts[f[0]]));
  return [`${first}.`, ...more].join(" ");
}

/** One question's line: what the import does to it, with both times in words. */
export function importLine(name, action, theirsAt, mineAt, future, reason, data) {
  const words = data.wording.import;
  const theirs = fill(words.theirs, { at: theirsAt });
  const mine = mineAt ? fill(words.mine, { at: mineAt }) : words.mineUndated;
  let what = fill(words.actions[action], { theirs, mine, reason });
  if (future && action !== "damaged") what += fill(words.clock, { at: theirsAt });
  return fill(words.line, { question: name, what });
}

/** A written answer in one short line, as the share preview quotes it. */
export function answerWords(value, data) {
  let text;
  if (Array.isArray(value)) {
    text = value
      .filter((row) => row && typeof row === "object" && !Array.isArray(row))
      .map((row) => Object.values(row).map(String).filter((c) => c.trim()).join("; "))
      .filter(Boolean)
      .join(" / ");
  } else {
    text = String(value);
  }
  const flat = text.split(/\s+/).filter(Boolean).join(" ");
  const limit = data.wording.share.words;
  return [...flat].length <= limit ? flat : `${[...flat].slice(0, limit - 1).join("").trimEnd()}…`;
}
