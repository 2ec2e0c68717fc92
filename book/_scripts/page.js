/** Everything the answer script does on one page, and how it starts. */
import { Exercise } from "./exercise.js";
import { hostData } from "./host.js";
import { lazyBuilder } from "./lazy.js";
import { markNavigation, offerContinue, rememberPage } from "./progress.js";
import { DevicePanel } from "./panel.js";
import { IMPLEMENTED } from "./rules.js";
import { Store } from "./store.js";

function storageOf(win, name) {
  try {
    return win[name];
  } catch {
    return null; // blocked (a SecurityError): the store says so
  }
}

/** Fail loudly when the site data names a schema keyword, type or format not checked here. */
export function checkRules(data) {
  for (const [group, names] of Object.entries(data.schemaRules)) {
    const missing = names.filter((name) => !(IMPLEMENTED[group] || []).includes(name));
    if (missing.length) {
      throw new Error(`The website's checker does not implement the schema ${group} ${missing.join(", ")}.`);
    }
  }
}

export class Page {
  /** `kinds` is the kind table (kinds.js); `common` the parts every exercise form has. */
  constructor(doc, win, kinds, common) {
    this.doc = doc;
    this.win = win;
    this.data = hostData(win.COURSE_DATA, win);
    this.common = common;
    checkRules(this.data);
    this.store = new Store(storageOf(win, "localStorage"), this.data, storageOf(win, "sessionStorage"));
    doc.querySelectorAll(".course-no-script").forEach((node) => { node.hidden = true; });
    doc.querySelectorAll(".course-needs-script").forEach((node) => { node.hidden = false; });
    this.exercises = [...doc.querySelectorAll(common.form.selector)]
      .filter((form) => kinds.has(form.dataset.kind))
      .map((form) => new Exercise(form, this, kinds.get(form.dataset.kind)));
    this.panels = [...doc.querySelectorAll(".course-device")].map((p) => new DevicePanel(p, this));
    /** Functions called with the answers after every change (the navigation's marks, the
     * capstone, SCORM). */
    this.listeners = [(answers) => markNavigation(doc, this.data, answers)];
    this.reload();
    offerContinue(doc, this.store);
    rememberPage(doc, this.store);
    win.addEventListener("storage", (event) => this.fromAnotherTab(event));
    win.addEventListener("pagehide", () => this.flush());
    win.addEventListener("beforeunload", (event) => {
      this.flush();
      if (Object.keys(this.store.memory).length) {
        event.preventDefault(); // answers held only in this page: the browser asks first
        event.returnValue = "";
      }
    });
  }

  /**
   * Save any typing still waiting, now (synchronously), in every exercise. On leaving
   * (`leaving`, the default) an answer not yet saved over another tab's is saved too.
   */
  flush(leaving = true) {
    this.exercises.forEach((ex) => ex.flush(leaving));
  }

  /** Show every answer kept here in every form and panel. */
  reload() {
    const answers = this.store.answers();
    this.exercises.forEach((ex) => ex.show(answers));
    this.panels.forEach((panel) => panel.refresh(answers));
    this.listeners.forEach((listener) => listener(answers));
  }

  /** After a save here: the panels and listeners learn the answers. */
  changed() {
    const answers = this.store.answers();
    this.panels.forEach((panel) => panel.refresh(answers));
    this.listeners.forEach((listener) => listener(answers));
  }

  /** Another tab changed this browser's storage. */
  fromAnotherTab(event) {
    const store = this.store;
    if (event.storageArea && store.storage && event.storageArea !== store.storage) return;
    const key = event.key;
    const prefix = store.prefix;
    if (key !== null && !key.startsWith(prefix)) return;
    const answerKey = store.answerKey("");
    const pid = key !== null && key.startsWith(answerKey) ? key.slice(answerKey.length) : null;
    const everything = key === null || key === store.legacyKey || key === store.versionKey;
    const answers = store.answers();
    if (pid !== null || everything) {
      this.exercises
        .filter((ex) => everything || ex.pid === pid)
        .forEach((ex) => ex.external(answers));
    }
    this.panels.forEach((panel) => panel.refresh(answers));
    this.listeners.forEach((listener) => listener(answers));
  }
}

/** Start on `doc` once it is parsed; the page is then `win.CourseAnswers.page`. */
export function start(doc, win, kinds, common) {
  const run = () => {
    win.CourseAnswers.page = new Page(doc, win, kinds, common);
    lazyBuilder(doc, win);
  };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", run);
  else run();
}
