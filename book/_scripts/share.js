/**
 * The share file a learner gives their facilitator, by the same rules as
 * `python -m exercises share` (exercises/cohort/share_file.py, in the site data `share`).
 */
import { CourseError } from "./errors.js";
import { isEmpty, own, validate } from "./rules.js";
import { nowIso } from "./time.js";

/** Every answer that fits the course now and is not empty, in course order. */
export function usableAnswers(answers, data) {
  const usable = {};
  for (const module of data.modules) {
    for (const pid of module.prompts) {
      const answer = own(answers, pid);
      if (!answer || isEmpty(answer.value)) continue;
      if (validate(data.prompts[pid].schema, answer.value) === null) {
        usable[pid] = answer.value;
      }
    }
  }
  return usable;
}

/** A random nickname such as amber-heron-4821, from the share file's word lists. */
export function newNickname(data, random = Math.random) {
  const pick = (words) => words[Math.floor(random() * words.length)];
  const number = 1000 + Math.floor(random() * 9000);
  return `${pick(data.share.firstWords)}-${pick(data.share.secondWords)}-${number}`;
}

/** The share file's text: the document as indented JSON. */
export function shareFileText(doc) {
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** A share file's document, by the same rules as `python -m exercises share`. */
export function buildShare(answers, data, cohort, nickname, shareText, madeAt = nowIso()) {
  const rules = data.share;
  const code = String(cohort || "").trim();
  if (!new RegExp(rules.cohortPattern).test(code)) {
    throw new CourseError(
      "A cohort code is 1 to 24 letters, digits and hyphens, as your facilitator gave it.",
    );
  }
  if (!new RegExp(rules.nicknamePattern).test(nickname)) {
    throw new CourseError("The nickname is not in the usual form; make a new one.");
  }
  const usable = usableAnswers(answers, data);
  const doc = {
    format: rules.format,
    version: rules.version,
    nickname,
    cohort: code,
    made_at: madeAt,
    answered: Object.keys(usable),
    answers: {},
    shared_text: {},
  };
  for (const pid of Object.keys(usable)) {
    if (!data.prompts[pid].freeText) doc.answers[pid] = usable[pid];
    else if (shareText.includes(pid)) doc.shared_text[pid] = usable[pid];
  }
  const size = new TextEncoder().encode(shareFileText(doc)).length;
  if (size > rules.maxBytes) {
    throw new CourseError(
      "This share file would be larger than the 1 MB a share file may hold. " +
        "Choose fewer written answers to share.",
    );
  }
  return doc;
}
