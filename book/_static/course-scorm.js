/*
 * The course inside a learning platform (SCORM 2004 4th edition or SCORM 1.2).
 *
 * Used only by the SCORM package's launch page (scorm-launch.html, written by
 * book/_ext/scorm_package.py), which shows the course website in a frame. This script
 * finds the platform's SCORM API in a parent or opener window (the standard's discovery
 * algorithm), then:
 *   - brings the answers the platform kept (suspend data) into this browser, newer answer
 *     winning per question, before the course opens;
 *   - opens the page the learner left (location) and records each page they open;
 *   - reports progress and completion: every module page opened and the plan built;
 *   - keeps the answers in the suspend data as well as in the browser, committing a few
 *     seconds after a change, every minute, and on leaving. When answers outgrow the
 *     platform's limit (64,000 characters in 2004, 4,096 in 1.2) it keeps what fits, the
 *     rest stay in the browser, and the learner is told to download their workbook.
 * Outside a platform, the launch page simply opens the website.
 * The answer rules and storage come from course-answers.js (loaded first).
 */
(function (root) {
  "use strict";
  const doc = root.document;
  const api = root.CourseAnswers;
  const data = root.COURSE_DATA;

  /** The standard's API discovery: up the parent chain, then the opener's. */
  function findApi(name) {
    const search = (start) => {
      let win = start;
      for (let hops = 0; win && hops < 10; hops += 1) {
        try {
          if (win[name]) return win[name];
        } catch {
          return null; // a window of another origin: the search stops there
        }
        if (win.parent === win) break;
        win = win.parent;
      }
      return null;
    };
    return search(root.parent !== root ? root.parent : null) ||
      (root.opener ? search(root.opener) : null);
  }

  const VERSIONS = {
    "2004": {
      limit: 64000,
      verbs: { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", end: "Terminate" },
      fields: { data: "cmi.suspend_data", location: "cmi.location", exit: "cmi.exit" },
      locationLimit: 1000,
      report(lms, set, progress, complete) {
        set("cmi.progress_measure", progress.toFixed(2));
        set("cmi.completion_status", complete ? "completed" : "incomplete");
      },
      sessionTime: (seconds) => ["cmi.session_time", `PT${Math.round(seconds)}S`],
    },
    "1.2": {
      limit: 4096,
      verbs: {
        init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
        end: "LMSFinish",
      },
      fields: { data: "cmi.suspend_data", location: "cmi.core.lesson_location", exit: "cmi.core.exit" },
      locationLimit: 255,
      report(lms, set, progress, complete) {
        set("cmi.core.lesson_status", complete ? "completed" : "incomplete");
      },
      sessionTime(seconds) {
        const s = Math.round(seconds);
        const two = (n) => String(n).padStart(2, "0");
        return ["cmi.core.session_time", `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`];
      },
    },
  };

  /**
   * The suspend data for these answers: as many answers as fit in `limit` characters,
   * in course order, plus the pages opened and whether the plan was built.
   * Returns {text, left}, where `left` counts the answers that did not fit.
   */
  function packState(answers, opened, planBuilt, limit, withText) {
    const state = { v: 1, o: [...opened].sort(), p: planBuilt ? 1 : 0, a: {} };
    let text = JSON.stringify(state);
    let left = 0;
    const order = data.modules.flatMap((m) => m.prompts);
    const known = new Set(order);
    const ids = order.filter((pid) => pid in answers)
      .concat(Object.keys(answers).filter((pid) => !known.has(pid)).sort());
    for (const pid of ids) {
      const rule = data.prompts[pid];
      if (!withText && (!rule || rule.freeText)) continue;
      state.a[pid] = [answers[pid].value, answers[pid].saved_at];
      const next = JSON.stringify(state);
      if (next.length > limit) {
        delete state.a[pid];
        left += 1;
      } else {
        text = next;
      }
    }
    return { text, left };
  }

  function unpackState(text) {
    try {
      const state = JSON.parse(text);
      if (!state || state.v !== 1) return null;
      const answers = {};
      for (const [pid, pair] of Object.entries(state.a || {})) {
        if (Array.isArray(pair) && pair.length === 2) answers[pid] = { value: pair[0], saved_at: pair[1] };
      }
      return { answers, opened: new Set(state.o || []), planBuilt: Boolean(state.p) };
    } catch {
      return null;
    }
  }

  function say(text, alert = false) {
    const box = doc.getElementById("course-scorm-message");
    box.setAttribute("role", alert ? "alert" : "status");
    box.textContent = text;
    box.hidden = !text;
  }

  function start() {
    const frame = doc.getElementById("course-frame");
    const lms2004 = findApi("API_1484_11");
    const lms12 = lms2004 ? null : findApi("API");
    if (!lms2004 && !lms12) {
      root.location.replace("index.html"); // outside a platform: the website as it is
      return;
    }
    const lms = lms2004 || lms12;
    const version = VERSIONS[lms2004 ? "2004" : "1.2"];
    const verb = (name, ...args) => lms[version.verbs[name]](...args);
    const set = (field, value) => verb("set", field, value);
    const started = Date.now();
    verb("init", "");

    const store = new api.Store(root.localStorage, data);
    const platform = unpackState(verb("get", version.fields.data) || "") ||
      { answers: {}, opened: new Set(), planBuilt: false };
    // The platform's answers come into this browser first, newer answer winning.
    try {
      const ours = store.answers();
      const plan = api.previewImport(ours, platform.answers, data);
      if (Object.keys(plan.incoming).length) store.write(Object.assign(ours, plan.incoming));
    } catch (err) {
      say(err.message, true);
    }
    const opened = platform.opened;
    let planBuilt = platform.planBuilt || Boolean(store.get("plan-built"));
    const withTextBox = doc.getElementById("course-scorm-text");
    withTextBox.checked = store.get("scorm-no-text") !== "1";
    const modules = data.modules.map((m) => m.id);

    let dirty = true;
    let lastCommit = 0;
    function commit() {
      const packed = packState(store.answers(), opened, planBuilt, version.limit,
        withTextBox.checked);
      set(version.fields.data, packed.text);
      const done = modules.filter((id) => opened.has(id)).length + (planBuilt ? 1 : 0);
      version.report(lms, set, done / (modules.length + 1), done === modules.length + 1);
      verb("commit", "");
      lastCommit = Date.now();
      dirty = false;
      if (packed.left) {
        say(`The learning platform can keep only part of your answers: ${packed.left} ` +
          "of them are kept in this browser only. Download your workbook from \"Your " +
          "answers on this device\" at the end of any module to keep them safe.", true);
      } else {
        say("");
      }
    }
    let timer = null;
    const soon = () => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(commit, 3000);
    };

    frame.addEventListener("load", () => {
      let path;
      try {
        path = frame.contentWindow.location.pathname;
      } catch {
        return;
      }
      const here = root.location.pathname.replace(/[^/]*$/, "");
      const relative = decodeURIComponent(path.startsWith(here) ? path.slice(here.length) : path);
      if (relative.length <= version.locationLimit) set(version.fields.location, relative);
      const module = /^book\/modules\/([a-z0-9-]+)\.html$/.exec(relative);
      if (module && modules.includes(module[1])) opened.add(module[1]);
      doc.title = frame.contentDocument.title || doc.title;
      soon();
    });
    root.addEventListener("storage", (event) => {
      if (event.key === `${data.storagePrefix}plan-built` && event.newValue) planBuilt = true;
      if (event.key && event.key.startsWith(data.storagePrefix)) soon();
    });
    withTextBox.addEventListener("change", () => {
      store.set("scorm-no-text", withTextBox.checked ? "0" : "1");
      soon();
    });
    setInterval(() => {
      if (dirty || Date.now() - lastCommit > 60000) commit();
    }, 60000);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      commit();
      set(...version.sessionTime((Date.now() - started) / 1000));
      set(version.fields.exit, "suspend");
      verb("commit", "");
      verb("end", "");
    };
    root.addEventListener("pagehide", finish);
    root.addEventListener("beforeunload", finish);
    root.CourseScorm = { commit, finish, packState };

    const resume = verb("get", version.fields.location) || "";
    const safe = /^[A-Za-z0-9_./-]+\.html(#[A-Za-z0-9_-]*)?$/.test(resume) && !resume.includes("..");
    frame.src = safe ? resume : "index.html";
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})(self);
