/*
 * The learning platform's SCORM API, found and called safely (SCORM 2004 4th edition or 1.2).
 *
 * Used by course-scorm.js on the SCORM launch page. `connect(window)` finds the API in a
 * parent or opener window (the standard's discovery algorithm) and returns an object
 * whose calls never throw: a call that throws, returns "false" or leaves an error code
 * records a plain description in `problem` and returns false (or "" for a read).
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CourseScormPlatform = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const two = (n) => String(n).padStart(2, "0");

  const VERSIONS = {
    "2004": {
      name: "2004",
      global: "API_1484_11",
      // SCORM 2004's suspend data holds 64,000 characters. The closing call must also fit
      // one beacon (browsers drop beacons over 64 KiB, and a platform such as Moodle sends
      // the whole record in it), so the record stays under 60,000 bytes of UTF-8.
      limit: 64000,
      byteLimit: 60000,
      locationLimit: 1000,
      verbs: {
        init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", end: "Terminate",
        error: "GetLastError", errorText: "GetErrorString",
      },
      fields: {
        data: "cmi.suspend_data", location: "cmi.location", exit: "cmi.exit",
        learner: "cmi.learner_id", entry: "cmi.entry",
      },
      // Reading an element that was never set is "not initialised" (403), not a failure.
      quietReadErrors: ["403"],
      progress(set, share, complete) {
        return set("cmi.progress_measure", share.toFixed(2)) &&
          set("cmi.completion_status", complete ? "completed" : "incomplete");
      },
      sessionTime: (seconds) => ["cmi.session_time", `PT${Math.max(0, Math.round(seconds))}S`],
    },
    "1.2": {
      name: "1.2",
      global: "API",
      limit: 4096,
      byteLimit: Infinity,
      locationLimit: 255,
      verbs: {
        init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
        end: "LMSFinish", error: "LMSGetLastError", errorText: "LMSGetErrorString",
      },
      fields: {
        data: "cmi.suspend_data", location: "cmi.core.lesson_location", exit: "cmi.core.exit",
        learner: "cmi.core.student_id", entry: "cmi.core.entry",
      },
      quietReadErrors: [],
      progress(set, share, complete) {
        return set("cmi.core.lesson_status", complete ? "completed" : "incomplete");
      },
      sessionTime(seconds) {
        const s = Math.max(0, Math.round(seconds));
        return ["cmi.core.session_time", `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`];
      },
    },
  };

  /** The standard's API discovery: up the parent chain, then the opener's. */
  function findApi(win, name) {
    const search = (start) => {
      let here = start;
      for (let hops = 0; here && hops < 10; hops += 1) {
        try {
          if (here[name]) return here[name];
        } catch {
          return null; // a window of another origin: the search stops there
        }
        if (here.parent === here) break;
        here = here.parent;
      }
      return null;
    };
    let opener = null;
    try {
      opener = win.opener;
    } catch {
      opener = null;
    }
    return search(win.parent !== win ? win.parent : null) || (opener ? search(opener) : null);
  }

  class Platform {
    constructor(lms, version) {
      this.lms = lms;
      this.version = version;
      this.problem = null;
      this.calls = 0;
    }

    /** Call one API verb; returns {ok, value}, never throws. */
    call(verb, ...args) {
      const name = this.version.verbs[verb];
      this.calls += 1;
      let value;
      try {
        value = this.lms[name](...args);
      } catch (err) {
        this.problem = `its ${name} call failed: ${err && err.message ? err.message : err}`;
        return { ok: false, value: "" };
      }
      const code = this.errorCode();
      const said = String(value);
      if (verb === "get") {
        if (code !== "0" && !this.version.quietReadErrors.includes(code)) {
          this.problem = this.describe(name, code);
        }
        return { ok: code === "0", value: code === "0" && value !== null && value !== undefined ? said : "" };
      }
      if (said !== "true" || code !== "0") {
        this.problem = this.describe(name, code);
        return { ok: false, value: said };
      }
      return { ok: true, value: said };
    }

    errorCode() {
      try {
        const code = this.lms[this.version.verbs.error]();
        return code === undefined || code === null || code === "" ? "0" : String(code);
      } catch {
        return "0";
      }
    }

    describe(name, code) {
      let text = "";
      try {
        text = code !== "0" ? String(this.lms[this.version.verbs.errorText](code) || "") : "";
      } catch {
        text = "";
      }
      if (code === "0") return `its ${name} call answered "false"`;
      return text ? `its ${name} call answered "${text}" (error ${code})` : `its ${name} call gave error ${code}`;
    }

    initialize() { return this.call("init", "").ok; }
    get(field) { return this.call("get", this.version.fields[field] || field).value; }
    set(field, value) { return this.call("set", this.version.fields[field] || field, value).ok; }
    commit() { return this.call("commit", "").ok; }
    terminate() { return this.call("end", "").ok; }

    /** Report progress (a share from 0 to 1) and completion. */
    progress(share, complete) {
      return this.version.progress((f, v) => this.set(f, v), share, complete);
    }

    sessionTime(seconds) {
      const [field, value] = this.version.sessionTime(seconds);
      return this.set(field, value);
    }
  }

  /** The platform this window was launched from, or null outside a platform. */
  function connect(win) {
    for (const version of [VERSIONS["2004"], VERSIONS["1.2"]]) {
      const lms = findApi(win, version.global);
      if (lms) return new Platform(lms, version);
    }
    return null;
  }

  return { VERSIONS, Platform, connect, findApi };
});
