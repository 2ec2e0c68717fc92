/**
 * What loading a workbook would do, question by question, by the rules of
 * exercises/workbook.py's import.
 */
import { answerMap, isSavedAnswer } from "./workbook.js";
import { canonical, isPlainObject, own, validate } from "./rules.js";
import { compareTimes, compareToMs, nowIso } from "./time.js";

/**
 * What loading `incoming` into `ours` would do: added (new here), replaced (the file's
 * answer is newer), kept (ours is newer), same (identical values: not a change), skipped
 * (does not fit this course's question; the reason is given) and damaged (cannot be read:
 * the file's `damaged` entries from readWorkbook, and any entry without a value and a valid
 * time). An answer stamped later than now is listed in `future` and does not replace ours
 * (`heldBack`); one that is added is stamped with the time of the load, so a wrong clock
 * does not keep winning.
 */
export function previewImport(ours, incoming, data, now = Date.now(), damaged = {}) {
  const plan = {
    added: [], replaced: [], kept: [], same: [], future: [], heldBack: [],
    skipped: answerMap(), damaged: answerMap(Object.entries(damaged)), incoming: answerMap(),
  };
  for (const pid of Object.keys(incoming).sort()) {
    let theirs = incoming[pid];
    if (!isSavedAnswer(theirs, data)) {
      const hasValue = isPlainObject(theirs) && Object.hasOwn(theirs, "value");
      plan.damaged[pid] = hasValue ? data.workbook.damaged.time : data.workbook.damaged.entry;
      continue;
    }
    const rule = own(data.prompts, pid);
    if (rule) {
      const problem = validate(rule.schema, theirs.value);
      if (problem) {
        plan.skipped[pid] = `it ${problem}.`;
        continue;
      }
    }
    const mine = own(ours, pid);
    const future = compareToMs(theirs.saved_at, now, data.time) > 0;
    const original = theirs.saved_at;
    if (future) {
      plan.future.push(pid);
      theirs = { value: theirs.value, saved_at: nowIso(now) };
    }
    if (!mine) {
      plan.added.push(pid);
      plan.incoming[pid] = theirs;
    } else if (canonical(mine.value) === canonical(theirs.value)) {
      plan.same.push(pid);
    } else if (isSavedAnswer(mine, data) &&
      compareTimes(original, mine.saved_at, data.time) <= 0) {
      plan.kept.push(pid);
    } else if (future) {
      plan.kept.push(pid);
      plan.heldBack.push(pid);
    } else {
      plan.replaced.push(pid);
      plan.incoming[pid] = theirs;
    }
  }
  return plan;
}
