/** Loading a workbook file in the device panel: read it, preview the changes, load. */
import { el } from "./dom.js";
import { decodeText } from "./json.js";
import { previewImport } from "./preview.js";
import { courseOrder, importLine, importSummary, question, timeWords } from "./wording.js";
import { firstDamage, readWorkbook } from "./workbook.js";
import { counted as n } from "./words.js";

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
  let read;
  try {
    read = readWorkbook(decodeText(new Uint8Array(await file.arrayBuffer())), data);
  } catch (err) {
    say(`That file cannot be loaded because ${err.message} Nothing changed.`);
    return;
  }
  if (!Object.keys(read.answers).length && Object.keys(read.damaged).length) {
    say(`That file cannot be loaded because ${firstDamage(read.damaged)} Nothing changed.`);
    return;
  }
  panel.page.flush(false);
  const ours = panel.page.store.answers();
  const plan = previewImport(ours, read.answers, data, Date.now(), read.damaged);
  showPlan(panel, box, plan, ours, read.answers);
}

/** What the import does to each question, as exercises/wording.py names the actions. */
function actions(plan) {
  const act = new Map();
  for (const pid of plan.added) act.set(pid, "add");
  for (const pid of plan.replaced) act.set(pid, "replace");
  for (const pid of plan.kept) act.set(pid, plan.heldBack.includes(pid) ? "held" : "keep");
  for (const pid of Object.keys(plan.skipped)) act.set(pid, "skip");
  for (const pid of Object.keys(plan.damaged)) act.set(pid, "damaged");
  return act;
}

/** The preview's summary and its lines, question by question in the course's order. */
export function previewWords(plan, ours, incoming, data) {
  const counts = {
    added: plan.added.length,
    replaced: plan.replaced.length,
    kept: plan.kept.length - plan.heldBack.length,
    same: plan.same.length,
    future: plan.future.length,
    held: plan.heldBack.length,
    skipped: Object.keys(plan.skipped).length,
    damaged: Object.keys(plan.damaged).length,
  };
  const act = actions(plan);
  const lines = courseOrder(data, act.keys()).map((pid) => {
    const theirs = Object.hasOwn(incoming, pid) ? incoming[pid] : null;
    const mine = Object.hasOwn(ours, pid) ? ours[pid] : null;
    return importLine(
      question(data, pid),
      act.get(pid),
      theirs ? timeWords(theirs.saved_at, data) : timeWords("", data),
      mine ? timeWords(mine.saved_at, data) : null,
      plan.future.includes(pid),
      plan.skipped[pid] || plan.damaged[pid] || "",
      data,
    );
  });
  return { summary: importSummary(counts, data), lines };
}

/** The preview, question by question, and the buttons to load or cancel. */
export function showPlan(panel, box, plan, ours, incoming) {
  const doc = panel.doc;
  const data = panel.page.data;
  const changes = plan.added.length + plan.replaced.length;
  const words = previewWords(plan, ours, incoming, data);
  box.append(el(doc, "p", { role: "status" }, words.summary));
  if (words.lines.length) {
    const list = el(doc, "ul");
    for (const line of words.lines) list.append(el(doc, "li", {}, line));
    box.append(list);
  }
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
