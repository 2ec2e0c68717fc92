/** The "Your answers on this device" panel: count, download, load, share, remove. */
import { download, el } from "./dom.js";
import { readWorkbookFile } from "./panel-import.js";
import { previewShare } from "./panel-share.js";
import { usableAnswers } from "./share.js";
import { dumpWorkbook } from "./workbook.js";
import { question } from "./wording.js";
import { countText, today } from "./words.js";

export class DevicePanel {
  constructor(panel, page) {
    this.panel = panel;
    this.page = page;
    this.doc = panel.ownerDocument;
    this.on("download-workbook", () => this.downloadWorkbook());
    this.on("preview-share", () => previewShare(this));
    this.on("clear", () => this.askClear());
    const file = panel.querySelector("#course-load-file");
    file.addEventListener("change", () => readWorkbookFile(this, file));
    const cohort = panel.querySelector("#course-cohort-code");
    cohort.value = page.store.get("cohort") || "";
  }

  on(action, handler) {
    this.panel.querySelector(`[data-action=${action}]`).addEventListener("click", handler);
  }

  refresh(answers) {
    const line = this.panel.querySelector(".course-device-count");
    line.textContent = this.page.store.problem || countText(answers);
    const box = this.panel.querySelector(".course-share-text .course-options");
    const usable = usableAnswers(answers, this.page.data);
    const free = Object.keys(usable).filter((pid) => this.page.data.prompts[pid].freeText);
    const ticked = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
    box.replaceChildren();
    if (!free.length) box.append(el(this.doc, "p", {}, "You have no written answers yet."));
    for (const pid of free) {
      const label = el(this.doc, "label", { class: "course-option" });
      const input = el(this.doc, "input", { type: "checkbox", value: pid });
      input.checked = ticked.has(pid);
      label.append(input, ` ${question(this.page.data, pid)}`);
      box.append(label);
    }
  }

  /**
   * Two buttons at the end of `box`: the caller handles "yes"; "no" replaces the box's
   * content with `declined`. Focus goes to "yes" or "no" as `focusYes` says.
   */
  ask(box, yesLabel, noLabel, declined, focusYes) {
    const yes = el(this.doc, "button", { type: "button" }, yesLabel);
    const no = el(this.doc, "button", { type: "button" }, noLabel);
    const line = el(this.doc, "p");
    line.append(yes, " ", no);
    box.append(line);
    (focusYes ? yes : no).focus();
    no.addEventListener("click", () => {
      box.replaceChildren(el(this.doc, "p", { role: "status" }, declined));
    });
    return [yes, no];
  }

  /** Every answer kept here, typing not yet saved included, as one workbook file. */
  downloadWorkbook() {
    this.page.flush(false);
    const text = dumpWorkbook(this.page.store.answers(), this.page.data);
    download(this.doc, text, `workbook-${today()}.json`, "application/json");
  }

  askClear() {
    const box = this.panel.querySelector(".course-clear");
    const count = countText(this.page.store.answers());
    box.replaceChildren(
      el(
        this.doc,
        "p",
        { role: "alert" },
        `${count} Remove them all from this browser? This cannot be undone: download ` +
          "your workbook first if you want to keep them.",
      ),
    );
    const [yes] = this.ask(box, "Yes, remove my answers", "No, keep them",
      "Your answers are kept.", false);
    yes.addEventListener("click", () => {
      this.page.store.clear();
      box.replaceChildren(
        el(this.doc, "p", { role: "status" }, "Your answers were removed from this browser."),
      );
      this.page.reload();
    });
  }
}
