/*
 * The course inside a learning platform (SCORM 2004 4th edition or SCORM 1.2).
 *
 * Used only by the SCORM package's launch page (scorm-launch.html, written by
 * book/_ext/scorm_package.py), which shows the course website in a frame. After
 * course-answers.js, course-scorm-record.js and course-scorm-platform.js, this script:
 *   - keeps this learner's answers under their own browser-storage prefix (a hash of the
 *     platform's learner id), which the website frame reads from window.CourseScormHost;
 *   - brings the answers the platform kept into this browser, each checked by the
 *     course's rules (a bad one is set aside and the learner told, the rest come back);
 *   - treats the platform as the lasting copy: it never commits fewer answers than the
 *     platform handed back unless the learner removed them, and puts back any the
 *     browser lost (some platforms clear browser storage at every login);
 *   - commits with exit "suspend" from the first commit (so a crash leaves data that
 *     comes back), then once a minute while something changed, never while the learner
 *     is typing; on leaving it saves waiting typing and makes one closing call;
 *   - opens the page the learner left (only one of the package's own pages), reports
 *     progress and completion, and says in one plain line what the platform does not keep
 *     or when it fails.
 * Outside a platform, the launch page simply opens the website.
 */
(function (root) {
  "use strict";
  const doc = root.document;
  const answersApi = root.CourseAnswers;
  const record = root.CourseScormRecord;
  const data = root.COURSE_DATA;
  const rules = { parseTime: answersApi.parseTime, validate: answersApi.validate };
  const MINUTE = 60000;
  const QUIET = 2000; // a commit waits until the learner has not typed for this long...
  const MOST = 30000; // ...but no longer than this past its time
  const KEEP = "Download your workbook from \"Your answers on this device\" at the end of any module to keep them.";
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  /** The plain lines shown above the course, one for each thing the learner should know. */
  class Notes {
    constructor(box) {
      this.box = box;
      this.lines = new Map();
    }

    set(key, text, alert = false) {
      if (text) this.lines.set(key, { text, alert });
      else this.lines.delete(key);
      const shown = [...this.lines.values()];
      this.box.textContent = shown.map((line) => line.text).join(" ");
      this.box.setAttribute("role", shown.some((line) => line.alert) ? "alert" : "status");
      this.box.hidden = !shown.length;
    }
  }

  class Session {
    constructor(lms, frame, notes, pages) {
      this.lms = lms;
      this.frame = frame;
      this.notes = notes;
      this.pages = pages;
      this.started = Date.now();
      this.dirty = true;
      this.removed = false;
      this.finished = false;
      this.lastText = null;
      this.lastInput = 0;
      this.waiting = null;
      this.cutLimit = Infinity;
      this.exitSet = false;
    }

    /** Connect, bring the platform's answers in, commit once; returns the page to open. */
    open() {
      const lms = this.lms;
      this.connected = lms.initialize();
      if (!this.connected) {
        this.notes.set("error", `The learning platform did not connect to the course (${lms.problem}). ` +
          `Your answers are kept in this browser only for now. ${KEEP}`, true);
      }
      const learner = this.connected ? lms.get("learner") : "";
      const prefix = record.learnerPrefix(data.storagePrefix, learner);
      root.CourseScormHost = { storagePrefix: prefix };
      let storage = null;
      try {
        storage = root.localStorage;
      } catch {
        storage = null;
      }
      this.store = new answersApi.Store(storage, { ...data, storagePrefix: prefix });
      const kept = this.connected ? record.unpack(lms.get("data"), data, rules) : record.unpack("", data, rules);
      this.known = {};
      record.merge(this.known, kept.answers, rules.parseTime);
      this.aside = kept.aside;
      const sound = kept.found + kept.aside.length;
      this.floor = kept.cut || kept.altered ? Math.max(kept.expected, sound) : sound;
      this.opened = kept.opened;
      this.withText = kept.withText === null ? this.store.get("scorm-no-text") !== "1" : kept.withText;
      this.planBuilt = kept.planBuilt;
      this.sync();
      this.tellAbout(kept);
      this.box = doc.getElementById("course-scorm-text");
      this.box.checked = this.withText;
      this.box.addEventListener("change", () => {
        this.withText = this.box.checked;
        this.store.set("scorm-no-text", this.withText ? "0" : "1");
        this.dirty = true;
        this.commit();
      });
      this.watch();
      if (this.connected) this.commit();
      return record.safeLocation(this.connected ? lms.get("location") : "", this.pages) || "index.html";
    }

    /** One line each for what came back damaged, cut short, or was left on another device. */
    tellAbout(kept) {
      const back = Object.keys(this.known).length;
      if (kept.aside.length) {
        const reasons = [...new Set(kept.aside.map((item) => item.reason))].join("; ");
        this.notes.set("aside", `${plural(kept.aside.length, "answer", "answers")} from the learning ` +
          `platform could not be used (${reasons}), so ${kept.aside.length === 1 ? "it was" : "they were"} ` +
          `set aside in the platform's copy; your other ${plural(back, "answer is", "answers are")} back.`, true);
      }
      if (kept.cut || kept.unreadable || (kept.altered && kept.expected > kept.found + kept.aside.length)) {
        this.notes.set("cut", `The learning platform gave back only part of your answers (${back} of ` +
          `${Math.max(kept.expected, back)}): the others may still be on the computer you used before. ` +
          "This computer will not save over the platform's copy with fewer answers.", true);
      } else if (kept.leftElsewhere) {
        this.notes.set("elsewhere", `${plural(kept.leftElsewhere, "answer", "answers")} did not fit in the ` +
          "learning platform and stayed in the browser where you gave them.", true);
      }
    }

    /** Listen for changes, typing, the minute clock and leaving. */
    watch() {
      this.frame.addEventListener("load", () => this.frameLoaded());
      root.addEventListener("storage", () => { this.dirty = true; });
      root.setInterval(() => this.tick(), MINUTE);
      root.addEventListener("pagehide", () => this.finish());
      doc.addEventListener("visibilitychange", () => {
        if (doc.visibilityState === "hidden" && this.dirty && !this.finished) {
          this.flushFrame();
          this.commit();
        }
      });
    }

    frameLoaded() {
      let win;
      let path;
      try {
        win = this.frame.contentWindow;
        path = win.location.pathname;
      } catch {
        return; // not one of the package's pages
      }
      const here = root.location.pathname.replace(/[^/]*$/, "");
      const relative = decodeURIComponent(path.startsWith(here) ? path.slice(here.length) : path);
      if (this.connected && this.pages.includes(relative) &&
          relative.length <= this.lms.version.locationLimit) {
        this.lms.set("location", relative);
      }
      const module = /^book\/modules\/([a-z0-9-]+)\.html$/.exec(relative);
      if (module && data.modules.some((m) => m.id === module[1])) this.opened.add(module[1]);
      doc.title = (win.document && win.document.title) || doc.title;
      const typed = () => { this.lastInput = Date.now(); };
      win.document.addEventListener("input", typed, { capture: true, passive: true });
      win.document.addEventListener("keydown", typed, { capture: true, passive: true });
      const page = win.CourseAnswers && win.CourseAnswers.page;
      if (page) {
        if (Array.isArray(page.listeners)) page.listeners.push(() => { this.dirty = true; });
        const store = page.store;
        if (store && typeof store.clear === "function" && !store.clear.courseScorm) {
          const clear = store.clear;
          // The panel's "remove my answers" action: the learner's wish, so the platform's copy follows.
          store.clear = (...args) => {
            this.removed = true;
            this.dirty = true;
            return clear.apply(store, args);
          };
          store.clear.courseScorm = true;
        }
      }
      this.dirty = true;
    }

    /** The minute clock: commit if anything changed, once the learner pauses typing. */
    tick() {
      if (!this.dirty || this.finished || this.waiting) return;
      const due = Date.now();
      const attempt = () => {
        const quiet = Date.now() - this.lastInput;
        if (quiet < QUIET && Date.now() - due < MOST) {
          this.waiting = root.setTimeout(attempt, QUIET - quiet);
          return;
        }
        this.waiting = null;
        this.commit();
      };
      attempt();
    }

    /** Save what the website frame's forms still hold (typing not yet saved). */
    flushFrame() {
      try {
        const page = this.frame.contentWindow.CourseAnswers.page;
        if (typeof page.flush === "function") page.flush();
        else if (Array.isArray(page.exercises)) page.exercises.forEach((ex) => ex.flush && ex.flush());
      } catch {
        /* no website page in the frame (yet): nothing is waiting */
      }
    }

    /** Bring the browser's answers into ours, and put back any the browser lost. */
    sync() {
      const browser = this.store.answers();
      if (this.removed) {
        this.removed = false;
        this.known = { ...browser };
        this.aside = [];
        this.floor = 0;
      } else {
        record.merge(this.known, browser, rules.parseTime);
      }
      const lost = Object.keys(this.known).filter((pid) => !(pid in browser));
      if (lost.length || record.merge({ ...browser }, this.known, rules.parseTime).length) {
        try {
          this.store.write({ ...browser, ...this.known });
        } catch (err) {
          this.notes.set("browser", err.message, true);
        }
      }
      if (this.store.problem) this.notes.set("browser", this.store.problem, true);
      this.planBuilt = this.planBuilt || Boolean(this.store.get("plan-built"));
    }

    /** Commit the record now (or, when `closing`, make the one closing call). */
    commit(closing = false) {
      if (!this.connected) return false;
      const lms = this.lms;
      this.sync();
      const version = lms.version;
      const state = {
        answers: this.known, aside: this.aside, opened: this.opened, planBuilt: this.planBuilt,
        withText: this.withText,
      };
      let packed = record.pack(state, data, Math.min(version.limit, this.cutLimit), version.byteLimit);
      const holdBack = packed.count + packed.private.length + packed.asideKept < this.floor;
      let ok = true;
      if (!holdBack && packed.text !== this.lastText) {
        ok = lms.set("data", packed.text);
        if (ok) this.lastText = packed.text;
      }
      const modules = data.modules.map((m) => m.id);
      const done = modules.filter((id) => this.opened.has(id)).length + (this.planBuilt ? 1 : 0);
      ok = lms.progress(done / (modules.length + 1), done === modules.length + 1) && ok;
      ok = lms.set("exit", "suspend") && ok;
      if (closing) {
        lms.sessionTime((Date.now() - this.started) / 1000);
        return lms.terminate();
      }
      ok = lms.commit() && ok;
      if (ok && !holdBack) packed = this.checkKept(packed, state);
      this.dirty = !ok;
      this.tellSaved(ok, packed);
      return ok;
    }

    /** Read the record back: a platform that cut it short gets a record that fits. */
    checkKept(packed, state) {
      const back = this.lms.get("data");
      if (back === packed.text || back.length >= packed.text.length) return packed;
      this.cutLimit = Math.max(200, back.length);
      const refit = record.pack(state, data, this.cutLimit, this.lms.version.byteLimit);
      if (this.lms.set("data", refit.text) && this.lms.commit()) this.lastText = refit.text;
      this.notes.set("kept", `The learning platform kept only the first ${back.length} characters of ` +
        `your answers, so ${plural(refit.left.length, "answer is", "answers are")} kept in this ` +
        `browser only and may be gone when you next log in. ${KEEP}`, true);
      return refit;
    }

    tellSaved(ok, packed) {
      this.notes.set("error", ok ? "" : `The learning platform did not save your latest answers ` +
        `(${this.lms.problem}). They are kept in this browser for now, and saving will be tried ` +
        `again in a minute. ${KEEP}`, true);
      if (!this.notes.lines.has("kept")) {
        this.notes.set("left", packed.left.length ? `The learning platform can keep only part of ` +
          `your answers: ${plural(packed.left.length, "answer is", "answers are")} kept in this ` +
          `browser only and may be gone when you next log in. ${KEEP}` : "", true);
      }
      this.notes.set("private", packed.private.length ? `Your written answers (${packed.private.length}) ` +
        `are kept in this browser only, not in the learning platform, and may be gone when you ` +
        `next log in. ${KEEP}` : "");
    }

    /** Leaving: save waiting typing, then one closing call (it fits a beacon). */
    finish() {
      if (this.finished) return;
      this.finished = true;
      root.clearTimeout(this.waiting);
      this.flushFrame();
      this.commit(true);
    }
  }

  function packagePages() {
    try {
      const list = JSON.parse(doc.getElementById("course-scorm-pages").textContent);
      return Array.isArray(list) ? list.filter((p) => typeof p === "string") : [];
    } catch {
      return [];
    }
  }

  function start() {
    const frame = doc.getElementById("course-frame");
    const notes = new Notes(doc.getElementById("course-scorm-message"));
    let target = "index.html";
    let lms = null;
    try {
      lms = root.CourseScormPlatform.connect(root);
      if (!lms) {
        root.location.replace("index.html"); // outside a platform: the website as it is
        return;
      }
      const session = new Session(lms, frame, notes, packagePages());
      root.CourseScorm = session;
      target = session.open();
    } catch (err) {
      notes.set("error", `The connection to the learning platform failed (${err && err.message}). ` +
        `Your answers are kept in this browser only for now. ${KEEP}`, true);
    } finally {
      if (lms && !frame.src) frame.src = target; // never a blank frame
    }
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})(self);
