/**
 * One exercise form on the page: filled from the store, saved as the learner answers.
 * A save another tab makes is shown at once, except in a form the learner is using:
 * her typing is left alone, and the status line says another tab saved a different
 * answer and offers to keep hers or use the other one (nothing is saved over it until
 * she chooses, or leaves the page: then what she typed is saved).
 */
import { el } from "./dom.js";
import { canonical, isEmpty, own, validate } from "./rules.js";
import { clockTime, dayAndTime, statusLine } from "./words.js";

const TYPED = "textarea, input[type=text], input:not([type])";

export class Exercise {
  constructor(form, page, kind) {
    this.form = form;
    this.page = page;
    this.kind = kind;
    this.pid = form.dataset.prompt;
    this.rule = own(page.data.prompts, this.pid);
    this.line = form.querySelector(page.common.status.selector);
    this.timer = null;
    this.pending = false;
    this.conflict = undefined; // the other tab's answer (null if it removed it) while unresolved
    this.noticed = false; // the status line says so
    this.typed = undefined; // what the learner had typed, after she chose the other answer
    if (kind.enhance) {
      const maxRows = this.rule && this.rule.schema.maxItems ? this.rule.schema.maxItems : 50;
      kind.enhance(form, kind.parts, { maxRows, changed: () => this.later(0) });
    }
    form.addEventListener("input", (event) => this.later(event.target.matches(TYPED) ? 500 : 0));
    form.addEventListener("change", () => this.later(0));
    form.addEventListener("focusout", () => this.flush());
  }

  get win() {
    return this.form.ownerDocument.defaultView;
  }

  status(text, problem = false, ...after) {
    statusLine(this.line, text, problem);
    const old = this.form.querySelector(".course-conflict");
    if (old) old.remove();
    if (after.length) {
      const box = el(this.form.ownerDocument, "p", { class: "course-conflict" });
      after.forEach((node, n) => box.append(...(n ? [" ", node] : [node])));
      this.line.after(box);
    }
  }

  later(wait) {
    this.win.clearTimeout(this.timer);
    this.timer = this.win.setTimeout(() => this.flush(), wait);
    this.pending = true;
  }

  /** Save what is waiting now; `force` also saves over another tab's answer (on leaving). */
  flush(force = false) {
    this.win.clearTimeout(this.timer);
    if (!this.pending && !(force && this.conflict !== undefined)) return;
    this.pending = false;
    this.save(force);
  }

  /** True while the learner is using this form: focus in it, typing not yet saved, or
   * an answer of hers not saved over another tab's until she chooses. */
  busy() {
    return this.pending || this.conflict !== undefined ||
      this.form.contains(this.form.ownerDocument.activeElement);
  }

  read() {
    return this.kind.read(this.form, this.kind.parts);
  }

  fill(value) {
    this.kind.write(this.form, value, this.kind.parts);
    this.kind.show(this.form, value, this.kind.parts);
  }

  save(force = false) {
    const value = this.read();
    this.kind.show(this.form, value === undefined ? null : value, this.kind.parts);
    if (value === undefined) {
      this.status(this.kind.incomplete);
      return;
    }
    const problem = this.rule ? validate(this.rule.schema, value) : null;
    if (problem) {
      this.status(`Not saved yet: this answer ${problem}.`, true);
      return;
    }
    if (this.conflict !== undefined && !force) {
      if (!this.noticed) this.showConflict();
      return;
    }
    this.conflict = undefined;
    this.noticed = false;
    this.typed = undefined;
    const store = this.page.store;
    try {
      const answer = store.save(this.pid, value === null ? "" : value);
      if (answer.where === "device") {
        this.status(`Saved on this device at ${clockTime(answer.saved_at, this.page.data.time)}.`);
      } else {
        this.status(store.problem, true);
      }
      this.page.changed(this);
    } catch (err) {
      this.status(err.message, true);
    }
  }

  /** Show the answer kept here (at start, after a load, or another tab's when not busy). */
  show(answers) {
    const answer = own(answers, this.pid);
    const fits = answer && (!this.rule || validate(this.rule.schema, answer.value) === null);
    this.fill(fits ? answer.value : null);
    this.win.clearTimeout(this.timer);
    this.pending = false;
    this.conflict = undefined;
    this.noticed = false;
    this.typed = undefined;
    this.describe(answer, fits);
  }

  /** The status line for the answer the form now shows. */
  describe(answer, fits = true) {
    const store = this.page.store;
    if (answer && !fits) {
      const old = typeof answer.value === "string" ? answer.value : JSON.stringify(answer.value);
      this.status(
        "Given to an earlier version of this question, so it is not filled in here (it " +
          `stays in your workbook): ${old.length > 300 ? `${old.slice(0, 299)}…` : old}`,
        true,
      );
    } else if (answer && !isEmpty(answer.value)) {
      if (store.where(this.pid) === "device") {
        this.status(`Kept on this device (saved ${dayAndTime(answer.saved_at, this.page.data.time)}).`);
      } else {
        this.status(store.problem, true);
      }
    } else {
      this.status(store.problem || "", Boolean(store.problem));
    }
  }

  /** Another tab (or a load) changed what is kept: show it, unless the learner is busy here. */
  external(answers) {
    const answer = own(answers, this.pid) || null;
    const shown = this.read();
    const same = answer ? canonical(shown) === canonical(answer.value) : isEmpty(shown);
    this.typed = undefined;
    if (same) {
      this.conflict = undefined;
      if (!this.busy()) this.show(answers);
      else if (answer) this.describe(answer);
      return;
    }
    if (!this.busy()) {
      this.show(answers);
      return;
    }
    this.conflict = answer;
    this.showConflict();
  }

  /** Say that another tab saved a different answer, and offer to keep either. */
  showConflict() {
    const doc = this.form.ownerDocument;
    const other = this.conflict;
    const keep = el(doc, "button", { type: "button" }, "Keep my answer from this tab");
    keep.addEventListener("click", () => this.keepMine());
    this.noticed = true;
    if (!other) {
      this.status(
        "Another tab removed this answer from this browser, so what you type here is not " +
          "saved until you choose to keep it.",
        true,
        keep,
      );
      return;
    }
    const use = el(doc, "button", { type: "button" }, "Use the other tab's answer");
    use.addEventListener("click", () => this.useOther());
    this.status(
      `Another tab saved a different answer to this question at ` +
        `${clockTime(other.saved_at, this.page.data.time)}, so what you type here is not ` +
        "saved over it until you choose.",
      true,
      keep,
      use,
    );
  }

  keepMine() {
    if (this.typed !== undefined) this.fill(this.typed);
    this.typed = undefined;
    this.pending = false;
    this.save(true);
  }

  /** Show and keep the other tab's answer; until the next change, hers can be put back. */
  useOther() {
    const other = this.conflict;
    this.typed = this.read();
    this.conflict = undefined;
    this.fill(other.value);
    this.win.clearTimeout(this.timer);
    this.pending = false;
    const back = el(this.form.ownerDocument, "button", { type: "button" }, "Put my answer back");
    back.addEventListener("click", () => this.keepMine());
    this.status(
      `This is the answer another tab saved at ${clockTime(other.saved_at, this.page.data.time)}` +
        "; it is the one kept.",
      false,
      back,
    );
  }
}
