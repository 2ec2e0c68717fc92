/*
 * The capstone on the website: "My progress", drawn at once from the answers kept in this
 * browser, and "My spread and adoption plan" with the other documents, built on request.
 *
 * The progress view follows the rule of exercises/plan.py `progress` (an answer counts
 * when it is not empty and fits its question; one given to an earlier version of the
 * question is left to do), with the wording the build writes into
 * window.COURSE_DATA.progressView, so it reads exactly as the built document. The other
 * documents are not written a second time in JavaScript: the document builder
 * (course-builder.js, in a Web Worker) runs the course package's own Python for them
 * (exercises/site.py `documents`). Until they are built, the page says so plainly
 * instead of showing gaps for answers the learner has.
 *
 * Loaded after course-answers.js and course-builder.js, only on pages that show a
 * document. Nothing is sent anywhere. The pure functions are exported for unit tests.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseCapstone = api;
    if (root.document && root.COURSE_DATA) api.start(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // ------------------------------------------------------------------ pure logic

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);
  }

  /** Today (or `date`) in words, as the documents write it: "4 December 2026". */
  function dayWords(date = new Date()) {
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  /** Module by module: how many questions are answered, and what is left (with the
   * questions whose answer was given to an earlier version marked). `check` holds the
   * answer script's `validate` and `isEmpty`. */
  function progressRows(data, answers, check) {
    return data.modules.filter((m) => m.prompts.length).map((module) => {
      let done = 0;
      const left = [];
      for (const pid of module.prompts) {
        const rule = data.prompts[pid];
        const answer = Object.hasOwn(answers, pid) ? answers[pid] : undefined;
        const given = answer !== undefined && answer.value !== null && answer.value !== undefined;
        const fits = given && check.validate(rule.schema, answer.value) === null;
        if (fits && !check.isEmpty(answer.value)) done += 1;
        else left.push({ title: rule.title, earlier: given && !fits });
      }
      return { label: `${module.number}. ${module.title}`, done, total: module.prompts.length, left };
    });
  }

  /** The progress view as HTML, as exercises/report.py `to_fragment(progress_doc, 3)`. */
  function progressHtml(data, answers, check, day = dayWords()) {
    const view = data.progressView;
    const rows = progressRows(data, answers, check).map((row) => {
      const count = view.count.replace("{done}", row.done).replace("{total}", row.total);
      const left = row.left.map((p) => (p.earlier ? `${p.title} (${view.again})` : p.title))
        .join(", ") || view.complete;
      return `<tr><td>${escapeHtml(row.label)}</td><td>${escapeHtml(count)}</td>` +
        `<td>${escapeHtml(left)}</td></tr>`;
    });
    const head = view.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
    return `<h3>${escapeHtml(view.title)}</h3>` +
      `<p>${escapeHtml(view.subtitle.replace("{day}", day))}</p>` +
      `<section><h4>${escapeHtml(view.section)}</h4>` +
      `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
  }

  /** How many questions of the course have an answer that counts. */
  function answeredCount(data, answers, check) {
    return progressRows(data, answers, check).reduce((sum, row) => sum + row.done, 0);
  }

  /** What a document's place says until it is built, when the learner has answers. */
  function waitingText(count) {
    const answers = count === 1 ? "1 answer" : `${count} answers`;
    return `Not built yet. Press the button above to build it from the ${answers} kept in ` +
      "this browser.";
  }

  // ------------------------------------------------------------------ the page

  function button(doc, label, onClick) {
    const b = doc.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  /** Print a document from a hidden frame that runs no script (sandboxed: the frame
   * may be printed by this page, and nothing in the document can run). */
  function printDocument(doc, html) {
    const frame = doc.createElement("iframe");
    frame.title = "Printable copy";
    frame.setAttribute("sandbox", "allow-same-origin allow-modals");
    frame.className = "course-print-frame";
    Object.assign(frame.style, { position: "fixed", width: "0", height: "0", border: "0" });
    frame.srcdoc = html;
    frame.addEventListener("load", () => {
      frame.contentWindow.print();
      setTimeout(() => frame.remove(), 60000);
    }, { once: true });
    doc.body.append(frame);
    return frame;
  }

  /** A promise kept in a later task (after the browser has had a chance to draw). */
  function nextTask() {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  function clock() {
    return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  class Capstone {
    constructor(win) {
      this.win = win;
      this.doc = win.document;
      this.answersApi = win.CourseAnswers;
      this.page = win.CourseAnswers.page;
      this.builder = win.CourseBuilder;
      this.containers = [...this.doc.querySelectorAll(".course-site-doc")];
      this.built = false;
      this.busy = false;
      this.timer = null;
      this.progress = new Map();
    }

    check() {
      return { validate: this.answersApi.validate, isEmpty: this.answersApi.isEmpty };
    }

    /** Draw the progress view and the waiting lines from the answers kept here. */
    draw(answers) {
      const data = this.page.data;
      const count = answeredCount(data, answers, this.check());
      for (const box of this.containers) {
        const out = box.querySelector(".course-doc-output");
        const keys = box.dataset.docs.split(" ");
        if (keys.includes("progress") && data.progressView) {
          out.replaceChildren(this.section("progress", progressHtml(data, answers, this.check())));
        } else if (count > 0) {
          const line = this.doc.createElement("p");
          line.className = "course-doc-waiting";
          line.textContent = waitingText(count);
          out.replaceChildren(line);
        }
      }
    }

    section(key, fragment, tools = []) {
      const section = this.doc.createElement("div");
      section.className = "course-site-document";
      section.dataset.doc = key;
      if (tools.length) {
        const bar = this.doc.createElement("p");
        bar.className = "course-doc-tools";
        tools.forEach((tool, i) => bar.append(...(i ? [" ", tool] : [tool])));
        section.append(bar);
      }
      const body = this.doc.createElement("div");
      body.className = "course-doc-body";
      body.innerHTML = fragment; // built by the course's Python (or progressHtml), text escaped
      section.append(body);
      return section;
    }

    /** Show the built documents, one per task, so the page stays responsive. */
    async show(box, docs) {
      const day = new Date().toISOString().slice(0, 10);
      const out = box.querySelector(".course-doc-output");
      const save = (text, name, type) => this.builder.save(this.doc, text, name, type);
      const keys = box.dataset.docs.split(" ").filter((key) => docs[key]);
      for (const [i, key] of keys.entries()) {
        await nextTask();
        const made = docs[key];
        const section = this.section(key, made.fragment, [
          button(this.doc, `Download ${made.title} (web page)`, () =>
            save(made.html, `${made.stem}-${day}.html`, "text/html")),
          button(this.doc, `Download ${made.title} (Markdown)`, () =>
            save(made.markdown, `${made.stem}-${day}.md`, "text/markdown")),
          button(this.doc, `Print ${made.title}`, () => printDocument(this.doc, made.html)),
        ]);
        if (i === 0) out.replaceChildren(section);
        else out.append(section);
      }
    }

    status(box) {
      return box.querySelector(".course-doc-status");
    }

    async build(from) {
      if (this.busy) return;
      this.busy = true;
      const boxes = this.containers;
      const watcher = from ? this.progress.get(from) : null;
      boxes.filter((b) => b !== from).forEach((b) => {
        this.status(b).textContent = "Building…";
      });
      try {
        const text = this.builder.workbookText(this.win);
        const docs = await this.builder.client.build("documents", text,
          watcher ? (p) => watcher.update(p) : null);
        for (const box of boxes) await this.show(box, docs);
        this.built = true;
        // A learning platform's wrapper (course-scorm.js) counts this towards completion.
        this.page.store.set("plan-built", new Date().toISOString());
        const done = `Built from your answers on this device at ${clock()}.`;
        boxes.forEach((b) => (this.progress.get(b) ? this.progress.get(b).end(done) :
          (this.status(b).textContent = done)));
      } catch (err) {
        const failed = `The document could not be built here (${err.message}). Your answers ` +
          "are safe: download your workbook and open the capstone in Jupyter to build it there.";
        boxes.forEach((b) => (this.progress.get(b) ? this.progress.get(b).end(failed) :
          (this.status(b).textContent = failed)));
      } finally {
        this.busy = false;
      }
    }

    async note(reason) {
      const cached = reason ? false : await this.builder.client.cached();
      for (const box of this.containers) {
        const line = box.querySelector(".course-needs-script p");
        const action = box.querySelector("[data-action=build-docs]");
        if (reason) {
          if (line) line.textContent = reason;
          if (action) action.closest("p").hidden = true;
        } else if (line) {
          line.textContent = this.builder.noteText(this.builder.client.plan, cached);
        }
      }
    }

    start() {
      const reason = this.builder ? this.builder.reason : "The document builder did not load.";
      this.draw(this.page.store.answers());
      this.note(reason);
      if (reason) return;
      for (const box of this.containers) {
        this.progress.set(box, new this.builder.Progress(this.doc, this.status(box)));
        box.querySelector("[data-action=build-docs]").addEventListener("click", () => this.build(box));
      }
      this.page.listeners.push((answers) => {
        if (!this.built) {
          this.draw(answers);
          return;
        }
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.build(null), 800);
      });
    }
  }

  function start(win) {
    const run = () => {
      if (!win.CourseAnswers || !win.CourseAnswers.page) return;
      const capstone = new Capstone(win);
      api.page = capstone;
      capstone.start();
    };
    if (win.document.readyState === "loading") win.document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  const api = {
    answeredCount, dayWords, escapeHtml, printDocument, progressHtml, progressRows, start,
    waitingText, page: null,
  };
  return api;
});
