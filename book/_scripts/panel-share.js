/** Making a share file in the device panel: preview exactly what it holds, then save it. */
import { download, el } from "./dom.js";
import { buildShare, newNickname, shareFileText } from "./share.js";
import { titleOf } from "./words.js";

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
  const item = (text) => list.append(el(doc, "li", {}, text));
  item(`Your nickname: ${share.nickname}. Your name is not in the file.`);
  item(`Cohort code: ${share.cohort}.`);
  item(`Which questions you have answered: ${share.answered.length} (question ids only).`);
  const picked = Object.keys(share.answers).map((pid) => titleOf(data, pid));
  item(
    picked.length
      ? `Your ratings, choices, ticks, positions and knowledge-check answers: ${picked.join("; ")}.`
      : "No ratings, choices or positions (you have not answered any yet).",
  );
  const written = Object.keys(share.shared_text).map((pid) => titleOf(data, pid));
  item(
    written.length
      ? `Written answers you chose to share: ${written.join("; ")}.`
      : "No written answers: they stay private.",
  );
  box.append(el(doc, "p", {}, "The share file will hold:"), list);
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
