/*
 * The capstone on the website: "My spread and adoption plan", the progress view and the
 * learning record, built in the page from the answers kept in this browser.
 *
 * The documents are not written a second time in JavaScript: the page runs the course
 * package's own Python document code (exercises/site.py `documents`, which calls
 * exercises/plan.py and exercises/report.py) in Pyodide, served by this site and loaded
 * only when the learner asks for a document. Loaded only on pages that show one, after
 * course-answers.js. Nothing is sent anywhere: the answers stay in the page.
 */
(function (root) {
  "use strict";
  const doc = root.document;
  const base = `${doc.documentElement.dataset.content_root || ""}_static/`;
  let runtime = null;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = doc.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      doc.head.append(script);
    });
  }

  /** Pyodide with the course package and its prompts, loaded once per page. */
  function builder() {
    runtime ??= (async () => {
      await loadScript(`${base}course-vendor/pyodide/pyodide.js`);
      const py = await root.loadPyodide({ indexURL: `${base}course-vendor/pyodide/` });
      const [bundle, prompts] = await Promise.all([
        fetch(`${base}course-py/exercises.zip`).then((r) => r.arrayBuffer()),
        fetch(`${base}course-py/prompts.json`).then((r) => r.text()),
      ]);
      py.unpackArchive(bundle, "zip", { extractDir: "/home/pyodide/course" });
      py.globals.set("PROMPTS", prompts);
      py.runPython(
        [
          "import json, sys",
          "sys.path.insert(0, '/home/pyodide/course')",
          "from exercises.catalogue import catalogue_from_data",
          "from exercises.site import documents",
          "CATALOGUE = catalogue_from_data(json.loads(PROMPTS))",
        ].join("\n"),
      );
      return py;
    })();
    return runtime;
  }

  async function buildAll() {
    const api = root.CourseAnswers;
    const py = await builder();
    const text = api.dumpWorkbook(api.page.store.answers(), api.page.data);
    py.globals.set("WORKBOOK", text);
    return JSON.parse(py.runPython("json.dumps(documents(WORKBOOK, CATALOGUE))"));
  }

  function button(label, onClick) {
    const b = doc.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function save(text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = doc.createElement("a");
    link.href = url;
    link.download = name;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function printDoc(html) {
    const frame = doc.createElement("iframe");
    frame.title = "Printable copy";
    frame.style.position = "fixed";
    frame.style.width = "0";
    frame.style.height = "0";
    frame.style.border = "0";
    frame.srcdoc = html;
    frame.addEventListener("load", () => {
      frame.contentWindow.print();
      setTimeout(() => frame.remove(), 60000);
    });
    doc.body.append(frame);
  }

  function show(container, docs) {
    const day = new Date().toISOString().slice(0, 10);
    const out = container.querySelector(".course-doc-output");
    out.replaceChildren();
    for (const key of container.dataset.docs.split(" ")) {
      const made = docs[key];
      const section = doc.createElement("div");
      section.className = "course-site-document";
      section.dataset.doc = key;
      const tools = doc.createElement("p");
      tools.className = "course-doc-tools";
      tools.append(
        button(`Download ${made.title} (web page)`, () =>
          save(made.html, `${made.stem}-${day}.html`, "text/html")),
        " ",
        button(`Download ${made.title} (Markdown)`, () =>
          save(made.markdown, `${made.stem}-${day}.md`, "text/markdown")),
        " ",
        button(`Print ${made.title}`, () => printDoc(made.html)),
      );
      const body = doc.createElement("div");
      body.className = "course-doc-body";
      body.innerHTML = made.fragment; // built by the course's Python, learner text escaped
      section.append(tools, body);
      out.append(section);
    }
  }

  const containers = [...doc.querySelectorAll(".course-site-doc")];
  let built = false;
  let timer = null;

  async function buildInto(targets, firstTime) {
    const say = (text) => targets.forEach((c) => {
      c.querySelector(".course-doc-status").textContent = text;
    });
    if (firstTime) say("Loading the document builder… this can take a little while the first time.");
    try {
      const docs = await buildAll();
      targets.forEach((c) => show(c, docs));
      // A learning platform's wrapper (course-scorm.js) counts this towards completion.
      root.CourseAnswers.page.store.set("plan-built", new Date().toISOString());
      say(`Built from your answers on this device at ${new Date().toLocaleTimeString([], {
        hour: "2-digit",
        minute: "2-digit",
      })}.`);
      built = true;
    } catch (err) {
      runtime = null;
      say(`The document could not be built here (${err.message}). Your answers are safe: ` +
        "download your workbook and open the capstone in Jupyter to build it there.");
    }
  }

  function start() {
    if (!root.CourseAnswers || !root.CourseAnswers.page) return;
    containers.forEach((c) => {
      c.querySelector("[data-action=build-docs]").addEventListener("click", () => {
        buildInto(containers, !built);
      });
    });
    root.CourseAnswers.page.listeners.push(() => {
      if (!built) return;
      clearTimeout(timer);
      timer = setTimeout(() => buildInto(containers, false), 800);
    });
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})(self);
