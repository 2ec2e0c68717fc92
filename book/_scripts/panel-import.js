/** Loading a workbook file in the device panel: read it, preview the changes, load. */
import { el } from "./dom.js";
import { decodeText } from "./json.js";
import { previewImport } from "./preview.js";
import { parseWorkbook } from "./workbook.js";
import { counted as n, dayAndTime, titleOf } from "./words.js";

/** Read the chosen file and show what loading it would change (nothing changes yet). */
export async function readWorkbookFile(panel, input) {
  const box = panel.panel.querySelector(".course-import");
  box.replaceChildren();
  const file = input.files[0];
  if (!file) return;
  const doc = panel.doc;
  const data = panel.page.data;
  const say = (text) => box.append(el(doc, "p", { role: "alert" }, text));
  if (file.size > data.limits.maxImportBytes) {
    say("That file is too large to be a workbook. Nothing changed.");
    return;
  }
  let incoming;
  try {
    incoming = parseWorkbook(decodeText(new Uint8Array(await file.arrayBuffer())), data);
  } catch (err) {
    say(`That file cannot be loaded because ${err.message} Nothing changed.`);
    return;
  }
  panel.page.flush(false);
  const ours = panel.page.store.answers();
  showPlan(panel, box, previewImport(ours, incoming, data), ours, incoming);
}

/** The preview, question by question, and the buttons to load or cancel. */
export function showPlan(panel, box, plan, ours, incoming) {
  const doc = panel.doc;
  const data = panel.page.data;
  const when = (answer) => dayAndTime(answer.saved_at, data.time);
  const changes = plan.added.length + plan.replaced.length;
  box.append(
    el(
      doc,
      "p",
      { role: "status" },
      `This file would add ${n(plan.added.length, "answer", "answers")} and replace ` +
        `${n(plan.replaced.length, "older answer", "older answers")}. It would keep ` +
        `${n(plan.kept.length, "answer", "answers")} of yours that ` +
        `${plan.kept.length === 1 ? "is" : "are"} newer, and ` +
        `${n(plan.same.length, "answer is", "answers are")} the same in both.`,
    ),
  );
  const list = el(doc, "ul");
  const item = (text) => list.append(el(doc, "li", {}, text));
  for (const pid of plan.added) {
    item(`${titleOf(data, pid)}: added (the file's answer from ${when(incoming[pid])}).`);
  }
  for (const pid of plan.replaced) {
    item(
      `${titleOf(data, pid)}: yours from ${when(ours[pid])} replaced by ` +
        `the file's from ${when(incoming[pid])}.`,
    );
  }
  for (const pid of plan.kept) {
    const why = plan.heldBack.includes(pid)
      ? "is dated later than now (that computer's clock may be wrong)"
      : `is older (${when(incoming[pid])})`;
    item(`${titleOf(data, pid)}: yours from ${when(ours[pid])} is kept; the file's ${why}.`);
  }
  for (const [pid, reason] of Object.entries(plan.skipped)) {
    item(`${titleOf(data, pid)}: left out, because ${reason} for this copy of the course.`);
  }
  if (list.childElementCount) box.append(list);
  if (!changes) {
    box.append(el(doc, "p", {}, "Nothing would change, so nothing was loaded."));
    return;
  }
  const [yes] = panel.ask(box, "Load these answers", "Cancel", "Nothing was loaded.", true);
  yes.addEventListener("click", () => {
    const store = panel.page.store;
    try {
      panel.page.flush(false);
      const fresh = previewImport(store.answers(), incoming, data);
      const kept = store.write(fresh.incoming);
      const done = fresh.added.length + fresh.replaced.length;
      const where = kept.held ? ` ${store.problem}` : "";
      box.replaceChildren(
        el(doc, "p", { role: kept.held ? "alert" : "status" }, `Loaded ${n(done, "answer", "answers")}.${where}`),
      );
      panel.page.reload();
    } catch (err) {
      box.replaceChildren(el(doc, "p", { role: "alert" }, err.message));
    }
  });
}
