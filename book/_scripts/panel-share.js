/** Making a share file in the device panel: preview exactly what it holds, then save it. */
import { download, el } from "./dom.js";
import { buildShare, newNickname, shareFileText } from "./share.js";
import { answerWords, counted, courseOrder, fill, question } from "./wording.js";
import { isEmpty, validate } from "./rules.js";

function randomFraction(win) {
  return win.crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
}

export function previewShare(panel) {
  const doc = panel.doc;
  const box = panel.panel.querySelector(".course-share-preview");
  box.replaceChildren();
  const store = panel.page.store;
  const data = panel.page.data;
  const cohort = panel.panel.querySelector("#course-cohort-code").value;
  let nickname = store.get("nickname");
  if (!nickname || !new RegExp(data.share.nicknamePattern).test(nickname)) {
    nickname = newNickname(data, () => randomFraction(doc.defaultView));
    store.set("nickname", nickname);
  }
  const chosen = [...panel.panel.querySelectorAll(".course-share-text input:checked")].map(
    (i) => i.value,
  );
  let share;
  try {
    panel.page.flush(false);
    share = buildShare(store.answers(), data, cohort, nickname, chosen);
  } catch (err) {
    box.append(el(doc, "p", { role: "alert" }, err.message));
    return;
  }
  store.set("cohort", share.cohort);
  const list = el(doc, "ul");
  for (const line of shareWords(share, store.answers(), chosen, data)) {
    list.append(el(doc, "li", {}, line));
  }
  box.append(el(doc, "p", {}, "Your share file will hold:"), list);
  const details = el(doc, "details");
  details.append(
    el(doc, "summary", {}, "Show the file exactly as it will be saved"),
    el(doc, "pre", { tabindex: "0" }, shareFileText(share)),
  );
  const save = el(doc, "button", { type: "button" }, "Download the share file");
  save.addEventListener("click", () => {
    download(doc, shareFileText(share), `share-${share.nickname}.json`, "application/json");
  });
  box.append(details, el(doc, "p"));
  box.lastChild.append(save);
}

/**
 * What the share file holds, line by line, in exercises/wording.py's words (as Python's
 * cohort.share_file.describe says it): the written answers left private and the answers
 * that no longer fit are named too.
 */
export function shareWords(share, answers, chosen, data) {
  const words = data.wording.share;
  const named = (ids) => courseOrder(data, ids).map((pid) => question(data, pid)).join("; ");
  const lines = [
    fill(words.nickname, { nickname: share.nickname }),
    fill(words.cohort, { cohort: share.cohort }),
    fill(words.answered, { n: share.answered.length }),
  ];
  const picked = Object.keys(share.answers);
  lines.push(picked.length ? counted(words.counted, picked.length, { list: named(picked) }) : words.noneCounted);
  for (const pid of courseOrder(data, Object.keys(share.shared_text))) {
    lines.push(fill(words.written, { question: question(data, pid), words: answerWords(share.shared_text[pid], data) }));
  }
  const kept = [];
  const misfit = [];
  for (const [pid, answer] of Object.entries(answers)) {
    const rule = Object.hasOwn(data.prompts, pid) ? data.prompts[pid] : null;
    if (isEmpty(answer.value)) continue;
    if (!rule || validate(rule.schema, answer.value) !== null) misfit.push(pid);
    else if (rule.freeText && !chosen.includes(pid)) kept.push(pid);
  }
  if (kept.length) lines.push(fill(words.private, { list: named(kept) }));
  if (misfit.length) lines.push(fill(words.skipped, { list: named(misfit) }));
  return lines;
}
