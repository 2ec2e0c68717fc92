/*
 * The course's record in a learning platform (the SCORM suspend data), as pure functions.
 *
 * Used by course-scorm.js on the SCORM launch page, and unit-tested in Node
 * (tests/js/course-scorm-record.test.mjs). The record is plain text, one line each:
 *
 *   {"v":2,"n":12,"x":0,"len":3456,"c":"9f3a01bc","t":1,"p":0,"o":["mindset"],"m":0}
 *   ["mindset.my-innovation","A falls clinic in every PCN","2026-01-05T10:00:00.000Z"]
 *   !["principles.rating",7,"not a time"]
 *
 * The first line (the header) says how many answer lines follow (n), how many set-aside
 * lines (x, marked "!"), how long the rest is (len) and its checksum (c), so a record the
 * platform cut short or changed is noticed; the answers whose lines are whole are still
 * read. It also holds whether written answers are kept in the platform (t), whether the
 * plan was built (p), the module pages opened (o) and how many answers did not fit (m).
 * Each answer is checked by the course's own rules (its time and its value) when it is
 * read: a bad one is set aside, never the whole record. Records of version 1 (one JSON
 * object, written by earlier copies of the course) are still read.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CourseScormRecord = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const utf8 = new TextEncoder();

  /** Bytes of `text` in UTF-8 (what a beacon or a database column holds). */
  function byteLength(text) {
    return utf8.encode(text).length;
  }

  /** A short checksum of `text` (FNV-1a, 32 bits, as 8 hex digits): not secret, just a check. */
  function checksum(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
  }

  /**
   * A one-way name for a learner id (two 32-bit hashes with different seeds), so the
   * browser's keys never hold the platform's user name itself.
   */
  function learnerHash(id) {
    const mix = (seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < id.length; i += 1) {
        h = Math.imul(h ^ id.charCodeAt(i), 0x5bd1e995) >>> 0;
        h ^= h >>> 15;
      }
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
      return (h ^ (h >>> 16)) >>> 0;
    };
    return mix(0x9747b28c).toString(16).padStart(8, "0") + mix(0x1b873593).toString(16).padStart(8, "0");
  }

  /** The browser-storage prefix for one platform learner: "spread-course@<hash>:". */
  function learnerPrefix(basePrefix, learnerId) {
    return `${basePrefix.replace(/:$/, "")}@${learnerHash(String(learnerId || ""))}:`;
  }

  /** Why this answer cannot be used (a plain phrase), or null when it is sound. */
  function answerProblem(pid, entry, data, rules) {
    if (typeof pid !== "string" || !pid) return "it has no question";
    if (!entry || !("value" in entry)) return "it has no value";
    if (Number.isNaN(rules.parseTime(entry.saved_at))) return "its saved time cannot be read";
    const rule = data.prompts[pid];
    if (rule && rules.validate(rule.schema, entry.value) !== null) {
      return "its value does not fit the question";
    }
    return null;
  }

  /** The answers in the order the record keeps them: the course's order, then unknown ids. */
  function courseOrder(answers, data) {
    const order = data.modules.flatMap((m) => m.prompts);
    const known = new Set(order);
    return order.filter((pid) => pid in answers)
      .concat(Object.keys(answers).filter((pid) => !known.has(pid)).sort());
  }

  /**
   * The record for `state` ({answers, aside, opened, planBuilt, withText}), fitted to
   * `limit` characters and `byteLimit` UTF-8 bytes. Answers are added in course order;
   * one that does not fit is left out and the next ones are still tried. Written answers
   * are left out when `withText` is false (`private`). Returns {text, kept, left,
   * private, count, asideKept} where `kept` lists the answer ids in the record.
   */
  function pack(state, data, limit, byteLimit = Infinity) {
    const rules = data.prompts;
    const header = {
      v: 2, n: 0, x: 0, len: 0, c: "", t: state.withText ? 1 : 0, p: state.planBuilt ? 1 : 0,
      o: [...state.opened].sort(), m: 0,
    };
    const worst = JSON.stringify({ ...header, n: 99999, x: 99999, len: 9999999, c: "ffffffff", m: 99999 });
    let room = Math.min(limit, byteLimit) - worst.length - 1;
    let bytesRoom = byteLimit - byteLength(worst) - 1;
    const lines = [];
    const kept = [];
    const left = [];
    const hidden = [];
    for (const pid of courseOrder(state.answers, data)) {
      const rule = rules[pid];
      if (!state.withText && (!rule || rule.freeText)) {
        hidden.push(pid);
        continue;
      }
      const { value, saved_at } = state.answers[pid];
      const line = JSON.stringify([pid, value, saved_at]);
      const bytes = byteLength(line) + 1;
      if (line.length + 1 <= room && bytes <= bytesRoom) {
        lines.push(line);
        kept.push(pid);
        room -= line.length + 1;
        bytesRoom -= bytes;
      } else {
        left.push(pid);
      }
    }
    let asideLines = 0;
    for (const item of state.aside || []) {
      const line = `!${JSON.stringify([item.pid, item.value, item.saved_at])}`;
      const bytes = byteLength(line) + 1;
      if (line.length + 1 <= room && bytes <= bytesRoom) {
        lines.push(line);
        asideLines += 1;
        room -= line.length + 1;
        bytesRoom -= bytes;
      }
    }
    const body = lines.join("\n");
    Object.assign(header, {
      n: kept.length, x: asideLines, len: body.length, c: checksum(body), m: left.length,
    });
    const text = lines.length ? `${JSON.stringify(header)}\n${body}` : JSON.stringify(header);
    return { text, kept, left, private: hidden, count: kept.length, asideKept: asideLines };
  }

  function emptyRecord() {
    return {
      answers: {}, aside: [], opened: new Set(), planBuilt: false, withText: null,
      expected: 0, found: 0, cut: false, altered: false, unreadable: false, leftElsewhere: 0,
    };
  }

  /** Add one [pid, value, saved_at] to `out`, or set it aside with the reason. */
  function take(out, triple, data, rules, aside) {
    if (!Array.isArray(triple) || triple.length !== 3) return false;
    const [pid, value, saved_at] = triple;
    const entry = { value, saved_at };
    const problem = aside ? "it was set aside before" : answerProblem(pid, entry, data, rules);
    if (problem) {
      out.aside.push({ pid: String(pid), value, saved_at, reason: problem });
      return true;
    }
    const had = out.answers[pid];
    if (!had || rules.parseTime(saved_at) >= rules.parseTime(had.saved_at)) out.answers[pid] = entry;
    return true;
  }

  function unpackVersion1(state, data, rules) {
    const out = emptyRecord();
    for (const [pid, pair] of Object.entries(state.a || {})) {
      if (!take(out, [pid, ...(Array.isArray(pair) ? pair : [])], data, rules, false)) {
        out.aside.push({ pid, value: pair, saved_at: null, reason: "it is damaged" });
      }
    }
    out.opened = new Set(Array.isArray(state.o) ? state.o.filter((m) => typeof m === "string") : []);
    out.planBuilt = Boolean(state.p);
    out.found = Object.keys(out.answers).length;
    out.expected = out.found + out.aside.length;
    return out;
  }

  /**
   * Read a record (`text`, from the platform) by the course's rules (`rules.parseTime`,
   * `rules.validate`). Returns {answers, aside, opened, planBuilt, withText, expected,
   * found, cut, altered, unreadable, leftElsewhere}: `aside` lists the answers set aside
   * with the reason; `expected` is how many answers the writer put in, `found` how many
   * came back sound; `cut` says the record was cut short, `altered` that it was changed.
   */
  function unpack(text, data, rules) {
    const out = emptyRecord();
    if (typeof text !== "string" || !text.trim()) return out;
    // JSON never holds a raw CR, so any CR came from the trip: a beacon's form data turns
    // each line break into CR LF (Moodle stores it so).
    text = text.replace(/\r\n/g, "\n");
    const newline = text.indexOf("\n");
    const first = newline < 0 ? text : text.slice(0, newline);
    let header;
    try {
      header = JSON.parse(first);
    } catch {
      header = null;
    }
    if (header && header.v === 1 && newline < 0) return unpackVersion1(header, data, rules);
    if (!header || header.v !== 2 || typeof header.n !== "number") {
      out.unreadable = true;
      return out;
    }
    const body = newline < 0 ? "" : text.slice(newline + 1);
    out.withText = header.t === 0 ? false : header.t === 1 ? true : null;
    out.planBuilt = header.p === 1;
    out.opened = new Set(Array.isArray(header.o) ? header.o.filter((m) => typeof m === "string") : []);
    out.leftElsewhere = Number.isInteger(header.m) ? header.m : 0;
    out.expected = header.n + (Number.isInteger(header.x) ? header.x : 0);
    const lines = body ? body.split("\n") : [];
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line.startsWith("!") ? line.slice(1) : line);
      } catch {
        return undefined;
      }
    });
    const expectedLines = header.n + (Number.isInteger(header.x) ? header.x : 0);
    // Cut short: shorter than written, and its last line broken or lines missing.
    out.cut = body.length < header.len &&
      (parsed.length < expectedLines || (parsed.length > 0 && parsed.at(-1) === undefined));
    out.altered = !out.cut && (body.length !== header.len || checksum(body) !== header.c);
    let damaged = 0;
    parsed.forEach((triple, i) => {
      if (take(out, triple === undefined ? null : triple, data, rules, lines[i].startsWith("!"))) return;
      if (!(out.cut && i === lines.length - 1)) damaged += 1; // a cut record's last line is a stub
    });
    out.found = Object.keys(out.answers).length;
    if (damaged) out.altered = true;
    return out;
  }

  /**
   * Bring `incoming` answers into `known`, newer answer winning per question (by
   * `parseTime`). Returns the ids that changed in `known`.
   */
  function merge(known, incoming, parseTime) {
    const changed = [];
    for (const [pid, entry] of Object.entries(incoming)) {
      const mine = known[pid];
      if (!mine || parseTime(entry.saved_at) > parseTime(mine.saved_at)) {
        known[pid] = { value: entry.value, saved_at: entry.saved_at };
        changed.push(pid);
      }
    }
    return changed;
  }

  /**
   * The page to open for a saved location, or null: only one of the package's own pages
   * (`pages`, paths relative to the launch page), with at most a plain #fragment.
   */
  function safeLocation(resume, pages) {
    if (typeof resume !== "string" || !resume) return null;
    const hash = resume.indexOf("#");
    const path = hash < 0 ? resume : resume.slice(0, hash);
    const fragment = hash < 0 ? "" : resume.slice(hash);
    if (fragment && !/^#[A-Za-z0-9_.:-]{0,200}$/.test(fragment)) return null;
    return pages.includes(path) ? path + fragment : null;
  }

  return {
    answerProblem, byteLength, checksum, courseOrder, learnerHash, learnerPrefix, merge, pack,
    safeLocation, unpack,
  };
});
