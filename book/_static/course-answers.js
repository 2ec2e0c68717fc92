/*
 * Course answers on this device.
 *
 * Progressive enhancement for the course website: every exercise is a plain HTML form
 * (made by exercises/static_form.py); this script keeps its answer in this browser's
 * storage, shows when it was saved, answers knowledge checks back, draws positions,
 * adds and removes list rows, and runs the "Your answers on this device" panel
 * (download, load, share, remove). It makes no network request of any kind.
 *
 * The rules come from the Python package, written into the site by the book build as
 * window.COURSE_DATA (exercises/site.py): the workbook format, each question's kind and
 * the JSON Schema of the values it accepts, and the share file's rules.
 *
 * The pure functions are exported for unit tests (tests/js/, run with node --test).
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseAnswers = api;
    if (root.document && root.COURSE_DATA) {
      api.start(root.document, root);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // ------------------------------------------------------------------ pure logic

  function isPlainObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  function isDate(text) {
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(0);
    day.setUTCFullYear(y, mo - 1, d);
    return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 &&
      day.getUTCDate() === d;
  }

  /** Check a value against the JSON Schema subset exercises/model.py writes; null if it fits. */
  function validate(schema, value) {
    if (schema.anyOf) {
      return schema.anyOf.some((s) => validate(s, value) === null) ? null : "does not fit";
    }
    if ("const" in schema && value !== schema.const) return "does not fit";
    switch (schema.type) {
      case "string":
        if (typeof value !== "string") return "must be text";
        if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
          return `is longer than ${schema.maxLength} characters`;
        }
        break;
      case "integer":
        if (typeof value !== "number" || !Number.isInteger(value)) return "must be a whole number";
        if (schema.minimum !== undefined && value < schema.minimum) return "is too small";
        if (schema.maximum !== undefined && value > schema.maximum) return "is too large";
        break;
      case "array":
        if (!Array.isArray(value)) return "must be a list";
        if (schema.maxItems !== undefined && value.length > schema.maxItems) {
          return `holds more than ${schema.maxItems} entries`;
        }
        if (schema.items) {
          for (const item of value) {
            const problem = validate(schema.items, item);
            if (problem) return problem;
          }
        }
        break;
      case "object": {
        if (!isPlainObject(value)) return "must be a set of named parts";
        const props = schema.properties || {};
        for (const key of schema.required || []) {
          if (!(key in value)) return `has no ${key}`;
        }
        for (const key of Object.keys(value)) {
          if (!(key in props)) {
            if (schema.additionalProperties === false) return `has an unknown part ${key}`;
            continue;
          }
          const problem = validate(props[key], value[key]);
          if (problem) return problem;
        }
        break;
      }
      default:
        break;
    }
    if (schema.enum && !schema.enum.includes(value)) return "is not one of the options";
    if (schema.format === "date" && !isDate(value)) return "is not a date";
    return null;
  }

  /** True when a value holds no answer (blank text, nothing ticked, no rows). */
  function isEmpty(value) {
    if (value === null || value === undefined) return true;
    if (typeof value === "string") return value.trim() === "";
    if (Array.isArray(value)) return value.length === 0;
    if (isPlainObject(value)) return Object.keys(value).length === 0;
    return false;
  }

  /** JSON with object keys sorted, so equal values give equal text. */
  function canonical(value) {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (isPlainObject(value)) {
      const keys = Object.keys(value).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
    }
    return JSON.stringify(value);
  }

  /** Milliseconds since 1970 for an ISO time with its zone (as exercises/timefmt.py), else NaN. */
  function parseTime(text) {
    if (typeof text !== "string" || text.length > 64) return NaN;
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}T.*(Z|[+-][0-9]{2}:[0-9]{2})$/.test(text)) return NaN;
    return Date.parse(text);
  }

  function nowIso(now = Date.now()) {
    return new Date(now).toISOString();
  }

  class CourseError extends Error {}

  /** Read workbook text into {promptId: {value, saved_at}}; throw a CourseError saying why not. */
  function parseWorkbook(text, data) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new CourseError("it is not a workbook file (it is not valid JSON).");
    }
    if (!isPlainObject(doc) || doc.format !== data.workbook.format) {
      throw new CourseError("it is not a course workbook (it has no workbook marker).");
    }
    if (!Number.isInteger(doc.version) || doc.version < 1) {
      throw new CourseError("its version number is missing or wrong.");
    }
    if (doc.version > data.workbook.version) {
      throw new CourseError(
        `it was made by a newer version of the course (version ${doc.version}). ` +
          "Open the newest copy of this website, or ask whoever runs it to update it.",
      );
    }
    if (!isPlainObject(doc.answers)) throw new CourseError("its list of answers is missing.");
    const answers = {};
    for (const [pid, entry] of Object.entries(doc.answers)) {
      if (!isPlainObject(entry) || !("value" in entry)) {
        throw new CourseError(`the answer to ${pid} is damaged.`);
      }
      if (Number.isNaN(parseTime(entry.saved_at))) {
        throw new CourseError(`the answer to ${pid} has no valid time.`);
      }
      answers[pid] = { value: entry.value, saved_at: entry.saved_at };
    }
    return answers;
  }

  /** Workbook text in the format the Python package writes (sorted, one answer a line). */
  function dumpWorkbook(answers, data) {
    const lines = Object.keys(answers)
      .sort()
      .map((pid) => {
        const { value, saved_at } = answers[pid];
        return `  ${JSON.stringify(pid)}: ${JSON.stringify({ value, saved_at })}`;
      });
    const body = lines.length ? `\n${lines.join(",\n")}\n` : "";
    return (
      `{\n"format": ${JSON.stringify(data.workbook.format)},\n` +
      `"version": ${data.workbook.version},\n"answers": {${body}}\n}\n`
    );
  }

  /**
   * What loading `incoming` into `ours` would do, question by question, by the rules of
   * exercises/workbook.py's import: added (new here), replaced (the file's answer is
   * newer), kept (ours is newer), same (identical values: not a change), skipped (does
   * not fit this course's question; the reason is given). An answer stamped later than
   * now is listed in `future` and does not replace ours (`heldBack`); one that is added
   * is stamped with the time of the load, so a wrong clock does not keep winning.
   */
  function previewImport(ours, incoming, data, now = Date.now()) {
    const plan = {
      added: [], replaced: [], kept: [], same: [], future: [], heldBack: [], skipped: {},
      incoming: {},
    };
    for (const pid of Object.keys(incoming).sort()) {
      let theirs = incoming[pid];
      const rule = data.prompts[pid];
      if (rule) {
        const problem = validate(rule.schema, theirs.value);
        if (problem) {
          plan.skipped[pid] = `the answer ${problem}`;
          continue;
        }
      }
      const mine = ours[pid];
      const when = parseTime(theirs.saved_at);
      const future = when > now;
      if (future) {
        plan.future.push(pid);
        theirs = { value: theirs.value, saved_at: nowIso(now) };
      }
      if (!mine) {
        plan.added.push(pid);
        plan.incoming[pid] = theirs;
      } else if (canonical(mine.value) === canonical(theirs.value)) {
        plan.same.push(pid);
      } else if (when <= parseTime(mine.saved_at)) {
        plan.kept.push(pid);
      } else if (future) {
        plan.kept.push(pid);
        plan.heldBack.push(pid);
      } else {
        plan.replaced.push(pid);
        plan.incoming[pid] = theirs;
      }
    }
    return plan;
  }

  /** Every answer that fits the course now and is not empty, in course order. */
  function usableAnswers(answers, data) {
    const usable = {};
    for (const module of data.modules) {
      for (const pid of module.prompts) {
        const answer = answers[pid];
        if (!answer || isEmpty(answer.value)) continue;
        if (validate(data.prompts[pid].schema, answer.value) === null) {
          usable[pid] = answer.value;
        }
      }
    }
    return usable;
  }

  /** A random nickname such as amber-heron-4821, from the share file's word lists. */
  function newNickname(data, random = Math.random) {
    const pick = (words) => words[Math.floor(random() * words.length)];
    const number = 1000 + Math.floor(random() * 9000);
    return `${pick(data.share.firstWords)}-${pick(data.share.secondWords)}-${number}`;
  }

  /** A share file's document, by the same rules as `python -m exercises share`. */
  function buildShare(answers, data, cohort, nickname, shareText, madeAt = nowIso()) {
    const rules = data.share;
    const code = String(cohort || "").trim();
    if (!new RegExp(rules.cohortPattern).test(code)) {
      throw new CourseError(
        "A cohort code is 1 to 24 letters, digits and hyphens, as your facilitator gave it.",
      );
    }
    if (!new RegExp(rules.nicknamePattern).test(nickname)) {
      throw new CourseError("The nickname is not in the usual form; make a new one.");
    }
    const usable = usableAnswers(answers, data);
    const free = Object.keys(usable).filter((pid) => data.prompts[pid].freeText);
    const doc = {
      format: rules.format,
      version: rules.version,
      nickname,
      cohort: code,
      made_at: madeAt,
      answered: Object.keys(usable),
      answers: {},
      shared_text: {},
    };
    for (const pid of Object.keys(usable)) {
      if (!free.includes(pid)) doc.answers[pid] = usable[pid];
      else if (shareText.includes(pid)) doc.shared_text[pid] = usable[pid];
    }
    const text = shareFileText(doc);
    const size = new TextEncoder().encode(text).length;
    if (size > rules.maxBytes) {
      throw new CourseError(
        "This share file would be larger than the 1 MB a share file may hold. " +
          "Choose fewer written answers to share.",
      );
    }
    return doc;
  }

  function shareFileText(doc) {
    return `${JSON.stringify(doc, null, 1)}\n`;
  }

  // ------------------------------------------------------------------ storage

  const NO_STORAGE =
    "This browser is not keeping answers (a private window, or storage is blocked " +
    "or full), so answers typed here will be lost when you leave: download your " +
    "workbook before you go, or use the course in Jupyter.";

  /** The answers this browser keeps, under keys that start with the course's prefix. */
  class Store {
    constructor(storage, data) {
      this.storage = storage;
      this.data = data;
      this.key = `${data.storagePrefix}workbook`;
      this.memory = {};
      this.problem = null;
      this.readOnly = false;
      if (!storage) {
        this.problem = NO_STORAGE;
        return;
      }
      try {
        const probe = `${data.storagePrefix}probe`;
        storage.setItem(probe, "1");
        storage.removeItem(probe);
      } catch {
        this.storage = null;
        this.problem = NO_STORAGE;
      }
    }

    /** Every answer kept here (a damaged copy is set aside under its own key, never lost). */
    answers() {
      if (!this.storage) return { ...this.memory };
      const text = this.storage.getItem(this.key);
      if (text === null) return {};
      try {
        return parseWorkbook(text, this.data);
      } catch (err) {
        if (/newer version/.test(err.message)) {
          this.readOnly = true;
          this.problem = `The answers kept in this browser were ${err.message} Nothing here will be saved until then.`;
          return {};
        }
        const aside = `${this.data.storagePrefix}damaged-${Date.now()}`;
        try {
          this.storage.setItem(aside, text);
          this.storage.removeItem(this.key);
          this.problem =
            "The answers kept in this browser were damaged, so they were set aside " +
            "and new answers are kept afresh.";
        } catch {
          this.readOnly = true;
          this.problem = "The answers kept in this browser are damaged and cannot be set aside.";
        }
        return {};
      }
    }

    write(answers) {
      if (this.readOnly) throw new CourseError(this.problem);
      if (!this.storage) {
        this.memory = { ...answers };
        throw new CourseError(NO_STORAGE);
      }
      try {
        this.storage.setItem(this.key, dumpWorkbook(answers, this.data));
      } catch {
        throw new CourseError(
          "This browser has no room left to keep answers. Download your workbook now " +
            "so nothing is lost.",
        );
      }
    }

    /** Save one answer (read, change one question, write), so other tabs' answers stay. */
    save(pid, value, now = Date.now()) {
      const answers = this.answers();
      answers[pid] = { value, saved_at: nowIso(now) };
      this.write(answers);
      return answers[pid];
    }

    get(name) {
      try {
        return this.storage ? this.storage.getItem(this.data.storagePrefix + name) : null;
      } catch {
        return null;
      }
    }

    set(name, value) {
      try {
        if (this.storage) this.storage.setItem(this.data.storagePrefix + name, value);
      } catch {
        /* a remembered setting is a convenience; nothing is lost without it */
      }
    }

    /** Remove every key of this course from this browser (and nothing else). */
    clear() {
      this.memory = {};
      if (!this.storage) return;
      const mine = [];
      for (let i = 0; i < this.storage.length; i += 1) {
        const key = this.storage.key(i);
        if (key && key.startsWith(this.data.storagePrefix)) mine.push(key);
      }
      mine.forEach((key) => this.storage.removeItem(key));
    }
  }

  // ------------------------------------------------------------------ the page

  function el(doc, tag, attrs = {}, text = "") {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  }

  function clockTime(iso) {
    return new Date(parseTime(iso)).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function dayAndTime(iso) {
    const when = new Date(parseTime(iso));
    const day = when.toLocaleDateString([], { day: "numeric", month: "long", year: "numeric" });
    return `${day}, ${clockTime(iso)}`;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function download(doc, text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el(doc, "a", { href: url, download: name });
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** Reading and writing one exercise form's value, by kind. */
  const forms = {
    text: {
      read: (form) => form.querySelector("[data-answer]").value,
      write: (form, value) => {
        form.querySelector("[data-answer]").value = value || "";
      },
    },
    rating: {
      read(form) {
        const groups = form.querySelectorAll("fieldset[data-item]");
        if (!groups.length) {
          const on = form.querySelector("input[type=radio]:checked");
          return on ? Number(on.value) : null;
        }
        const value = {};
        groups.forEach((group) => {
          const on = group.querySelector("input:checked");
          if (on) value[group.dataset.item] = Number(on.value);
        });
        return value;
      },
      write(form, value) {
        const groups = form.querySelectorAll("fieldset[data-item]");
        if (!groups.length) return checkValues(form, value === null ? [] : [String(value)]);
        groups.forEach((group) => {
          const rating = value ? value[group.dataset.item] : undefined;
          checkValues(group, rating === undefined ? [] : [String(rating)]);
        });
      },
    },
    choice: {
      read: (form) => {
        const on = form.querySelector("input[type=radio]:checked");
        return on ? on.value : null;
      },
      write: (form, value) => checkValues(form, value ? [value] : []),
    },
    checklist: {
      read: (form) => [...form.querySelectorAll("input[type=checkbox]:checked")].map((i) => i.value),
      write: (form, value) => checkValues(form, value || []),
    },
    position: {
      read(form) {
        const x = form.querySelector("fieldset[data-axis=x] input:checked");
        const y = form.querySelector("fieldset[data-axis=y] input:checked");
        if (!x && !y) return null;
        if (!x || !y) return undefined; // half a position: nothing to save yet
        return { x: Number(x.value), y: Number(y.value) };
      },
      write(form, value) {
        checkValues(form.querySelector("fieldset[data-axis=x]"), value ? [String(value.x)] : []);
        checkValues(form.querySelector("fieldset[data-axis=y]"), value ? [String(value.y)] : []);
      },
    },
    list: {
      read(form) {
        const rows = [];
        form.querySelectorAll(".course-row").forEach((row) => {
          const value = {};
          row.querySelectorAll("[data-field]").forEach((input) => {
            value[input.dataset.field] = input.value;
          });
          if (Object.values(value).some((cell) => cell.trim() !== "")) rows.push(value);
        });
        return rows;
      },
      write(form, value) {
        const rows = Array.isArray(value) && value.length ? value : [{}];
        const box = form.querySelector(".course-rows");
        while (box.querySelectorAll(".course-row").length > rows.length) lastRow(box).remove();
        while (box.querySelectorAll(".course-row").length < rows.length) addRow(box);
        box.querySelectorAll(".course-row").forEach((row, n) => {
          row.querySelectorAll("[data-field]").forEach((input) => {
            input.value = rows[n][input.dataset.field] || "";
          });
        });
        renumber(box);
      },
    },
  };
  forms.quiz = forms.choice;
  forms.actions = forms.list;

  function checkValues(scope, values) {
    scope.querySelectorAll("input").forEach((input) => {
      input.checked = values.includes(input.value);
    });
  }

  function lastRow(box) {
    const rows = box.querySelectorAll(".course-row");
    return rows[rows.length - 1];
  }

  function addRow(box) {
    const row = box.querySelector(".course-row").cloneNode(true);
    row.querySelectorAll("[data-field]").forEach((input) => {
      input.value = "";
    });
    lastRow(box).after(row);
    renumber(box);
    return row;
  }

  /** Row legends, control ids and remove buttons follow the rows' order. */
  function renumber(box) {
    const doc = box.ownerDocument;
    const rows = box.querySelectorAll(".course-row");
    rows.forEach((row, index) => {
      const n = index + 1;
      row.querySelector("legend").textContent = `Row ${n}`;
      row.querySelectorAll(".course-field").forEach((field) => {
        const input = field.querySelector("[data-field]");
        const label = field.querySelector("label");
        const base = box.dataset.rowBase; // the ids of row 1 are `${base}-1-<field>`
        if (!input.dataset.idTail) input.dataset.idTail = input.id.slice(`${base}-1-`.length);
        input.id = `${base}-${n}-${input.dataset.idTail}`;
        label.setAttribute("for", input.id);
      });
      let remove = row.querySelector("[data-action=remove-row]");
      if (!remove) {
        remove = el(doc, "button", { type: "button", "data-action": "remove-row" });
        row.append(remove);
      }
      remove.textContent = rows.length === 1 ? `Clear row ${n}` : `Remove row ${n}`;
    });
    const add = box.parentElement.querySelector("[data-action=add-row]");
    if (add) add.disabled = rows.length >= Number(box.dataset.maxRows || 50);
  }

  function statusLine(form, text, problem = false) {
    const line = form.querySelector(".course-status");
    line.textContent = text;
    line.classList.toggle("course-problem", problem);
  }

  function drawPosition(form, value) {
    const figure = form.querySelector("figure[data-marks]");
    if (!figure) return;
    const marks = JSON.parse(figure.dataset.marks);
    const caption = figure.querySelector("figcaption");
    if (!figure.dataset.empty) figure.dataset.empty = caption.textContent;
    const mark = value ? marks[`${value.x},${value.y}`] : null;
    const words = mark ? mark[1] : figure.dataset.empty;
    figure.querySelector(".course-you").innerHTML = mark ? mark[0] : "";
    const svg = figure.querySelector("svg");
    svg.setAttribute("aria-label", words);
    svg.querySelector("title").textContent = words;
    caption.textContent = words;
  }

  function showFeedback(form, value) {
    const box = form.querySelector(".course-quiz-feedback");
    if (!box) return;
    const chosen = value ? form.querySelector(`input[value="${CSS.escape(value)}"]`) : null;
    box.textContent = chosen ? chosen.dataset.feedback : "";
  }

  /** One exercise form: fill it from the store, save as the learner answers. */
  class Exercise {
    constructor(form, page) {
      this.form = form;
      this.page = page;
      this.pid = form.dataset.prompt;
      this.kind = form.dataset.kind;
      this.rule = page.data.prompts[this.pid];
      this.timer = null;
      const rows = form.querySelector(".course-rows");
      if (rows) this.enableRows(rows);
      const wait = this.kind === "text" ? 500 : 0;
      form.addEventListener("input", () => this.later(wait));
      form.addEventListener("change", () => this.later(0));
      form.addEventListener("focusout", () => this.flush());
    }

    enableRows(box) {
      const doc = this.form.ownerDocument;
      box.dataset.maxRows = this.rule ? this.rule.schema.maxItems : 50;
      const add = el(doc, "button", { type: "button", "data-action": "add-row" }, box.dataset.addLabel);
      box.after(add);
      add.addEventListener("click", () => {
        const row = addRow(box);
        row.querySelector("[data-field]").focus();
      });
      box.addEventListener("click", (event) => {
        const button = event.target.closest("[data-action=remove-row]");
        if (!button) return;
        const row = button.closest(".course-row");
        if (box.querySelectorAll(".course-row").length > 1) row.remove();
        else row.querySelectorAll("[data-field]").forEach((input) => { input.value = ""; });
        renumber(box);
        add.focus();
        this.later(0);
      });
      renumber(box);
    }

    later(wait) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), wait);
      this.pending = true;
    }

    flush() {
      clearTimeout(this.timer);
      if (!this.pending) return;
      this.pending = false;
      this.save();
    }

    save() {
      const value = forms[this.kind].read(this.form);
      if (this.kind === "position") drawPosition(this.form, value || null);
      if (this.kind === "quiz") showFeedback(this.form, value);
      const rows = this.form.querySelector(".course-rows");
      if (rows) renumber(rows);
      if (value === undefined) {
        statusLine(this.form, "Choose a place on both scales to save your position.");
        return;
      }
      const problem = this.rule ? validate(this.rule.schema, value) : null;
      if (problem) {
        statusLine(this.form, `Not saved yet: this answer ${problem}.`, true);
        return;
      }
      try {
        const answer = this.page.store.save(this.pid, value === null ? "" : value);
        statusLine(this.form, `Saved on this device at ${clockTime(answer.saved_at)}.`);
        this.page.changed(this);
      } catch (err) {
        statusLine(this.form, err.message, true);
      }
    }

    /** Show the answer kept in this browser (at start, after a load, or from another tab). */
    show(answers) {
      const answer = answers[this.pid];
      const fits = answer && (!this.rule || validate(this.rule.schema, answer.value) === null);
      const value = fits ? answer.value : null;
      forms[this.kind].write(this.form, value);
      if (this.kind === "position") drawPosition(this.form, value);
      if (this.kind === "quiz") showFeedback(this.form, value);
      if (answer && !fits) {
        const old = typeof answer.value === "string" ? answer.value : JSON.stringify(answer.value);
        statusLine(
          this.form,
          "Given to an earlier version of this question, so it is not filled in here (it " +
            `stays in your workbook): ${old.length > 300 ? `${old.slice(0, 299)}…` : old}`,
          true,
        );
      } else if (answer && !isEmpty(answer.value)) {
        statusLine(this.form, `Kept on this device (saved ${dayAndTime(answer.saved_at)}).`);
      } else {
        statusLine(this.form, "");
      }
    }
  }

  function titleOf(data, pid) {
    const prompt = data.prompts[pid];
    return prompt ? prompt.title : pid;
  }

  function countText(answers) {
    const n = Object.values(answers).filter((a) => !isEmpty(a.value)).length;
    return n === 1
      ? "This browser keeps 1 answer for this course."
      : `This browser keeps ${n} answers for this course.`;
  }

  /** The "Your answers on this device" panel. */
  class DevicePanel {
    constructor(panel, page) {
      this.panel = panel;
      this.page = page;
      this.doc = panel.ownerDocument;
      this.on("download-workbook", () => this.downloadWorkbook());
      this.on("preview-share", () => this.previewShare());
      this.on("clear", () => this.askClear());
      const file = panel.querySelector("#course-load-file");
      file.addEventListener("change", () => this.readFile(file));
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
        label.append(input, ` ${titleOf(this.page.data, pid)}`);
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

    downloadWorkbook() {
      const text = dumpWorkbook(this.page.store.answers(), this.page.data);
      download(this.doc, text, `workbook-${today()}.json`, "application/json");
    }

    async readFile(input) {
      const box = this.panel.querySelector(".course-import");
      box.replaceChildren();
      const file = input.files[0];
      if (!file) return;
      const say = (text) => box.append(el(this.doc, "p", { role: "alert" }, text));
      if (file.size > this.page.data.limits.maxImportBytes) {
        say("That file is too large to be a workbook. Nothing changed.");
        return;
      }
      let incoming;
      try {
        incoming = parseWorkbook(await file.text(), this.page.data);
      } catch (err) {
        say(`That file cannot be loaded because ${err.message} Nothing changed.`);
        return;
      }
      const ours = this.page.store.answers();
      const plan = previewImport(ours, incoming, this.page.data);
      this.showPlan(box, plan, ours, incoming);
    }

    showPlan(box, plan, ours, incoming) {
      const data = this.page.data;
      const n = (count, one, many) => `${count} ${count === 1 ? one : many}`;
      const changes = plan.added.length + plan.replaced.length;
      box.append(
        el(
          this.doc,
          "p",
          { role: "status" },
          `This file would add ${n(plan.added.length, "answer", "answers")} and replace ` +
            `${n(plan.replaced.length, "older answer", "older answers")}. It would keep ` +
            `${n(plan.kept.length, "answer", "answers")} of yours that ` +
            `${plan.kept.length === 1 ? "is" : "are"} newer, and ` +
            `${n(plan.same.length, "answer is", "answers are")} the same in both.`,
        ),
      );
      const list = el(this.doc, "ul");
      const item = (text) => list.append(el(this.doc, "li", {}, text));
      for (const pid of plan.added) {
        item(`${titleOf(data, pid)}: added (the file's answer from ${dayAndTime(incoming[pid].saved_at)}).`);
      }
      for (const pid of plan.replaced) {
        item(
          `${titleOf(data, pid)}: yours from ${dayAndTime(ours[pid].saved_at)} replaced by ` +
            `the file's from ${dayAndTime(incoming[pid].saved_at)}.`,
        );
      }
      for (const pid of plan.kept) {
        const why = plan.heldBack.includes(pid)
          ? "is dated later than now (that computer's clock may be wrong)"
          : `is older (${dayAndTime(incoming[pid].saved_at)})`;
        item(`${titleOf(data, pid)}: yours from ${dayAndTime(ours[pid].saved_at)} is kept; the file's ${why}.`);
      }
      for (const [pid, reason] of Object.entries(plan.skipped)) {
        item(`${titleOf(data, pid)}: left out, because ${reason} for this copy of the course.`);
      }
      if (list.childElementCount) box.append(list);
      if (!changes) {
        box.append(el(this.doc, "p", {}, "Nothing would change, so nothing was loaded."));
        return;
      }
      const [yes] = this.ask(box, "Load these answers", "Cancel", "Nothing was loaded.", true);
      yes.addEventListener("click", () => {
        try {
          const now = this.page.store.answers();
          const fresh = previewImport(now, incoming, data);
          Object.assign(now, fresh.incoming);
          this.page.store.write(now);
          const done = fresh.added.length + fresh.replaced.length;
          box.replaceChildren(
            el(this.doc, "p", { role: "status" }, `Loaded ${n(done, "answer", "answers")}.`),
          );
          this.page.reload();
        } catch (err) {
          box.replaceChildren(el(this.doc, "p", { role: "alert" }, err.message));
        }
      });
    }

    previewShare() {
      const box = this.panel.querySelector(".course-share-preview");
      box.replaceChildren();
      const store = this.page.store;
      const data = this.page.data;
      const cohort = this.panel.querySelector("#course-cohort-code").value;
      let nickname = store.get("nickname");
      if (!nickname || !new RegExp(data.share.nicknamePattern).test(nickname)) {
        nickname = newNickname(data, () => crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32);
        store.set("nickname", nickname);
      }
      const chosen = [...this.panel.querySelectorAll(".course-share-text input:checked")].map(
        (i) => i.value,
      );
      let share;
      try {
        share = buildShare(store.answers(), data, cohort, nickname, chosen);
      } catch (err) {
        box.append(el(this.doc, "p", { role: "alert" }, err.message));
        return;
      }
      store.set("cohort", share.cohort);
      const list = el(this.doc, "ul");
      const item = (text) => list.append(el(this.doc, "li", {}, text));
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
      box.append(el(this.doc, "p", {}, "The share file will hold:"), list);
      const details = el(this.doc, "details");
      details.append(
        el(this.doc, "summary", {}, "Show the file exactly as it will be saved"),
        el(this.doc, "pre", { tabindex: "0" }, shareFileText(share)),
      );
      const save = el(this.doc, "button", { type: "button" }, "Download the share file");
      save.addEventListener("click", () => {
        download(this.doc, shareFileText(share), `share-${share.nickname}.json`, "application/json");
      });
      box.append(details, el(this.doc, "p"));
      box.lastChild.append(save);
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

  /**
   * Inside a learning platform the SCORM launch page (the parent window, course-scorm.js)
   * names the storage prefix of the platform learner's own browser copy in
   * window.CourseScormHost.storagePrefix, so two learners on one computer never share
   * answers. Anywhere else, or for a prefix outside the course's own, the data is unchanged.
   */
  function hostData(data, win) {
    try {
      const host = win.parent !== win ? win.parent.CourseScormHost : null;
      const prefix = host && host.storagePrefix;
      const base = data.storagePrefix.replace(/:$/, "");
      if (typeof prefix === "string" && prefix.startsWith(`${base}@`) && prefix.endsWith(":")) {
        return { ...data, storagePrefix: prefix };
      }
    } catch {
      /* a parent of another origin: not our launch page */
    }
    return data;
  }

  /** Everything this script does on one page. */
  class Page {
    constructor(doc, win) {
      this.doc = doc;
      this.win = win;
      this.data = hostData(win.COURSE_DATA, win);
      let storage = null;
      try {
        storage = win.localStorage;
      } catch {
        storage = null;
      }
      this.store = new Store(storage, this.data);
      doc.querySelectorAll(".course-no-script").forEach((node) => { node.hidden = true; });
      doc.querySelectorAll(".course-needs-script").forEach((node) => { node.hidden = false; });
      this.exercises = [...doc.querySelectorAll(".course-static-form[data-prompt]")]
        .filter((form) => forms[form.dataset.kind])
        .map((form) => new Exercise(form, this));
      this.panels = [...doc.querySelectorAll(".course-device")].map((p) => new DevicePanel(p, this));
      this.listeners = [];
      this.reload();
      if (this.store.problem) {
        this.exercises.forEach((ex) => statusLine(ex.form, this.store.problem, true));
      }
      win.addEventListener("storage", (event) => {
        if (event.key === this.store.key || event.key === null) this.reload();
      });
      win.addEventListener("pagehide", () => this.exercises.forEach((ex) => ex.flush()));
    }

    /** Show every answer kept here in every form and panel. */
    reload() {
      const answers = this.store.answers();
      this.exercises.forEach((ex) => ex.show(answers));
      this.panels.forEach((panel) => panel.refresh(answers));
      this.listeners.forEach((listener) => listener(answers));
    }

    changed() {
      const answers = this.store.answers();
      this.panels.forEach((panel) => panel.refresh(answers));
      this.listeners.forEach((listener) => listener(answers));
    }
  }

  function start(doc, win) {
    const run = () => {
      win.CourseAnswers.page = new Page(doc, win);
    };
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", run);
    else run();
  }

  return {
    CourseError,
    Store,
    buildShare,
    canonical,
    dumpWorkbook,
    isDate,
    isEmpty,
    newNickname,
    nowIso,
    parseTime,
    parseWorkbook,
    previewImport,
    shareFileText,
    start,
    usableAnswers,
    validate,
  };
});
