/**
 * The workbook file, by the rules of exercises/workbook.py: reading one (with the same
 * verdicts as Python's parse_workbook) and writing one in the format Python writes
 * (sorted, one answer a line). Answers are kept in objects without a prototype, so a
 * question id such as __proto__ or constructor is an ordinary key.
 */
import { CourseError } from "./errors.js";
import { readJson } from "./json.js";
import { isPlainObject } from "./rules.js";
import { timeParts } from "./time.js";

/** A new empty map of answers: {promptId: {value, saved_at}}, with no prototype. */
export function answerMap(entries = []) {
  const map = Object.create(null);
  for (const [pid, answer] of entries) map[pid] = answer;
  return map;
}

/** True when `entry` is a saved answer: an object with a value and a valid time. */
export function isSavedAnswer(entry, data) {
  return isPlainObject(entry) && Object.hasOwn(entry, "value") &&
    timeParts(entry.saved_at, data.time) !== null;
}

/**
 * Read workbook text as Python's read_workbook does: {answers, damaged}, where `damaged`
 * maps each entry that cannot be read to why (the workbook's own reasons, in words that
 * follow "the answer"). Throws a CourseError only when the file as a whole is unusable.
 */
export function readWorkbook(text, data) {
  let doc;
  try {
    doc = readJson(text, data.json);
  } catch (err) {
    if (err.problem === "json") {
      throw new CourseError("it is not a workbook file (it is not valid JSON).");
    }
    throw err;
  }
  if (!isPlainObject(doc) || doc.format !== data.workbook.format) {
    throw new CourseError("it is not a course workbook (it has no workbook marker).");
  }
  if (typeof doc.version !== "number" || !Number.isInteger(doc.version) || doc.version < 1) {
    throw new CourseError("its version number is missing or wrong.");
  }
  if (doc.version > data.workbook.version) {
    throw Object.assign(
      new CourseError(
        `it was made by a newer version of the course (version ${doc.version}). ` +
          "Open the newest copy of this website, or ask whoever runs it to update it.",
      ),
      { newer: doc.version },
    );
  }
  if (!isPlainObject(doc.answers)) throw new CourseError("its list of answers is missing.");
  const answers = answerMap();
  const damaged = answerMap();
  for (const [pid, entry] of Object.entries(doc.answers)) {
    if (!isPlainObject(entry) || !Object.hasOwn(entry, "value")) {
      damaged[pid] = data.workbook.damaged.entry;
    } else if (timeParts(entry.saved_at, data.time) === null) {
      damaged[pid] = data.workbook.damaged.time;
    } else {
      answers[pid] = { value: entry.value, saved_at: entry.saved_at };
    }
  }
  return { answers, damaged };
}

/** The first damaged answer as a reason, for a message that refuses the file. */
export function firstDamage(damaged) {
  const [pid, why] = Object.entries(damaged)[0];
  return `the answer to ${pid.slice(0, 80)} ${why}.`;
}

/** Read workbook text into {promptId: {value, saved_at}}, all or nothing (Python's
 * parse_workbook): a CourseError says why the file, or its first damaged answer, cannot be used. */
export function parseWorkbook(text, data) {
  const read = readWorkbook(text, data);
  if (Object.keys(read.damaged).length) throw new CourseError(firstDamage(read.damaged));
  return read.answers;
}

/** One answer as the workbook writes it: {"value": ..., "saved_at": ...}. */
export function entryText(answer) {
  return JSON.stringify({ value: answer.value, saved_at: answer.saved_at });
}

/** Workbook text in the format the Python package writes (sorted, one answer a line). */
export function dumpWorkbook(answers, data) {
  const lines = Object.keys(answers)
    .sort()
    .map((pid) => `  ${JSON.stringify(pid)}: ${entryText(answers[pid])}`);
  const body = lines.length ? `\n${lines.join(",\n")}\n` : "";
  return (
    `{\n"format": ${JSON.stringify(data.workbook.format)},\n` +
    `"version": ${data.workbook.version},\n"answers": {${body}}\n}\n`
  );
}
