/*
 * The document builder's client on the page: it starts the builder's Web Worker
 * (course-builder-worker.js) when a document is asked for, shows its real progress (bytes
 * received of bytes expected, the step it is on, a plain estimate of the time left), and
 * runs the device panel's "Download a readable copy of all my answers" button.
 *
 * On the last modules (window.COURSE_DATA.builder.early: Module 15 and the capstone) it
 * starts downloading the builder's files in the background once the learner is reading
 * the page, if her connection allows it (no Data Saver, not 2G; where the browser does
 * not say, only on the capstone). The files are kept for the next visit.
 *
 * Nothing is sent anywhere: the worker only downloads the site's own files. The pure
 * functions are exported for unit tests (tests/js/, run with node --test).
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseBuilder = api;
    if (root.document && root.COURSE_DATA) api.start(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const CACHE = "spread-course-builder";
  const SLOW = 1_600_000 / 8; // bytes a second on a slow connection (1.6 Mbps)
  const START_SECONDS = 4; // starting Python and building, after the download, on a phone
  const SPOKEN_EVERY = 10_000; // at most one spoken progress line in this many milliseconds

  // ------------------------------------------------------------------ pure logic

  /** A size in plain words: "4.4 MB", "350 KB". */
  function sizeWords(bytes) {
    if (bytes >= 950_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
    return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  }

  /** Time left in plain words, rounded as a person would say it. */
  function timeWords(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0) return "";
    if (seconds < 10) return "A few seconds left.";
    if (seconds < 55) return `About ${Math.round(seconds / 5) * 5} seconds left.`;
    const minutes = Math.round(seconds / 60);
    return minutes <= 1 ? "About a minute left." : `About ${minutes} minutes left.`;
  }

  /** Why the builder cannot run in this window, in plain words; null when it can. */
  function unsupported(win, plan) {
    if (win.location && win.location.protocol === "file:") {
      return "Your plan and documents cannot be built while the course is opened from files " +
        "on this computer. Open the course from its web address instead (or, in the course " +
        "folder, run make serve and open the address it gives). You can also download your " +
        "workbook below and build them in Jupyter: your answers are safe either way.";
    }
    if (!plan || !plan.files) {
      return "This copy of the course has no document builder. Download your workbook below " +
        "and build your documents in Jupyter: your answers are safe.";
    }
    if (!win.Worker || !win.WebAssembly || !win.DecompressionStream) {
      return "This browser is too old to build the documents here. Use an up-to-date " +
        "browser, or download your workbook below and build them in Jupyter.";
    }
    return null;
  }

  /** True when a background download is welcome: no Data Saver and not a 2G connection;
   * where the browser does not say, only on the capstone itself. */
  function mayFetchEarly(nav, onCapstone) {
    const c = nav && nav.connection;
    if (!c) return onCapstone;
    if (c.saveData) return false;
    return !/2g$/.test(c.effectiveType || "");
  }

  /** What to say before the first build: the real size, or that it is already here. */
  function noteText(plan, cached) {
    if (cached) {
      return "The document builder is already on this device, so this takes a few seconds. " +
        "Nothing is sent anywhere.";
    }
    const seconds = Math.round((plan.bytes / SLOW + START_SECONDS) / 5) * 5;
    return `The first time, this page downloads the course's document builder ` +
      `(${sizeWords(plan.bytes)}: about ${seconds} seconds on a slow connection), which your ` +
      "browser then keeps. Nothing is sent anywhere.";
  }

  /** Speed and time left from the progress messages of one download. */
  class Estimate {
    constructor(now = Date.now()) {
      this.began = now;
      this.cachedAtStart = null;
    }

    /** Seconds left to the documents, or NaN while there is too little to go on. */
    secondsLeft(progress, now = Date.now()) {
      const fresh = progress.received - progress.cached;
      const elapsed = (now - this.began) / 1000;
      if (fresh < 50_000 || elapsed < 1) return Number.NaN;
      const speed = fresh / elapsed;
      return (progress.total - progress.received) / speed + START_SECONDS;
    }
  }

  /** The line (and the progress bar while downloading) that says what the builder does. */
  function progressText(progress, estimate, now = Date.now()) {
    if (progress.step === "start") {
      return progress.cached >= progress.total && progress.total > 0
        ? "Starting the document builder (already on this device)…"
        : "Starting the document builder…";
    }
    if (progress.step === "build") return "Building from your answers…";
    if (progress.total && progress.cached >= progress.total) {
      return "Opening the document builder kept on this device…";
    }
    const left = estimate ? timeWords(estimate.secondsLeft(progress, now)) : "";
    return `Downloading the document builder: ${sizeWords(progress.received)} of ` +
      `${sizeWords(progress.total)}.${left ? ` ${left}` : ""}`;
  }

  // ------------------------------------------------------------------ the worker

  /** The address of a file under the site's _static/ folder. */
  function staticUrl(win, path) {
    const root = win.document.documentElement.dataset.content_root || "";
    return new URL(`${root}_static/${path}`, win.location.href).href;
  }

  /** The builder's worker, started on first use, one per page. */
  class Client {
    constructor(win, plan) {
      this.win = win;
      this.plan = plan;
      this.worker = null;
      this.next = 1;
      this.waiting = new Map();
      this.watchers = new Set();
    }

    ensure() {
      if (this.worker) return this.worker;
      this.worker = new this.win.Worker(staticUrl(this.win, this.plan.worker), { type: "module" });
      this.worker.addEventListener("message", (event) => this.receive(event.data || {}));
      this.worker.addEventListener("error", (event) => {
        event.preventDefault();
        this.fail("the document builder stopped");
      });
      return this.worker;
    }

    fail(reason) {
      this.worker = null;
      for (const { reject } of this.waiting.values()) reject(new Error(reason));
      this.waiting.clear();
    }

    receive(message) {
      if (message.type === "progress") {
        this.watchers.forEach((watch) => watch(message));
        return;
      }
      const job = this.waiting.get(message.id);
      if (!job) return;
      this.waiting.delete(message.id);
      if (message.type === "done") job.resolve(JSON.parse(message.json));
      else job.reject(new Error(message.message || "the document builder stopped"));
    }

    /** Download the builder's files in the background (nothing is started). */
    fetchEarly() {
      try {
        this.ensure().postMessage({ type: "fetch", plan: this.plan });
      } catch {
        /* a background download is a convenience: the build tries again */
      }
    }

    /** Build "documents" or "readable" from a workbook's text; resolves with the result. */
    build(what, workbook, watch) {
      return new Promise((resolve, reject) => {
        const id = this.next++;
        if (watch) this.watchers.add(watch);
        const finish = (fn) => (value) => {
          if (watch) this.watchers.delete(watch);
          fn(value);
        };
        this.waiting.set(id, { resolve: finish(resolve), reject: finish(reject) });
        try {
          this.ensure().postMessage({ type: "build", id, what, workbook, plan: this.plan });
        } catch (err) {
          this.waiting.delete(id);
          finish(reject)(new Error(`the document builder could not start (${err.message})`));
        }
      });
    }

    /** True when every file of the builder is in this browser's Cache Storage. */
    async cached() {
      try {
        if (!this.win.caches) return false;
        const cache = await this.win.caches.open(CACHE);
        const hits = await Promise.all(Object.values(this.plan.files).map((f) =>
          cache.match(staticUrl(this.win, f.url))));
        return hits.every(Boolean);
      } catch {
        return false;
      }
    }
  }

  // ------------------------------------------------------------------ the page

  let counter = 0;

  /** A status line with a labelled progress bar: steps are spoken, bytes are shown. */
  class Progress {
    constructor(doc, status) {
      this.doc = doc;
      this.status = status;
      this.estimate = null;
      this.spoken = 0;
      this.step = null;
      this.box = doc.createElement("p");
      this.box.className = "course-builder-progress";
      this.box.hidden = true;
      const id = `course-builder-progress-${++counter}`;
      const label = doc.createElement("label");
      label.htmlFor = id;
      label.textContent = "Document builder downloaded: ";
      this.bar = doc.createElement("progress");
      this.bar.id = id;
      this.box.append(label, this.bar);
      status.after(this.box);
    }

    say(text) {
      this.status.textContent = text;
    }

    update(progress) {
      const now = Date.now();
      this.estimate ??= new Estimate(now);
      if (progress.step === "download" && progress.total) {
        this.box.hidden = false;
        this.bar.max = progress.total;
        this.bar.value = Math.min(progress.received, progress.total);
        this.bar.textContent = `${sizeWords(progress.received)} of ${sizeWords(progress.total)}`;
      } else {
        this.box.hidden = true;
      }
      if (progress.step !== this.step || now - this.spoken >= SPOKEN_EVERY) {
        this.step = progress.step;
        this.spoken = now;
        this.say(progressText(progress, this.estimate, now));
      }
    }

    end(text) {
      this.box.hidden = true;
      this.estimate = null;
      this.step = null;
      this.say(text);
    }
  }

  /** Offer a file to download. */
  function save(doc, text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = doc.createElement("a");
    link.href = url;
    link.download = name;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** The answers kept here as workbook text (after saving any typing still waiting). */
  function workbookText(win) {
    const api = win.CourseAnswers;
    if (!api || !api.page) throw new Error("the answers on this device could not be read");
    if (typeof api.page.flush === "function") api.page.flush();
    return api.dumpWorkbook(api.page.store.answers(), api.page.data);
  }

  function wirePanel(win, client, reason) {
    const doc = win.document;
    for (const button of doc.querySelectorAll("[data-action=download-readable]")) {
      const status = button.closest(".course-device").querySelector(".course-readable-status");
      if (reason) {
        button.disabled = true;
        status.textContent = reason;
        continue;
      }
      const progress = new Progress(doc, status);
      button.addEventListener("click", async () => {
        button.disabled = true;
        progress.say("Getting your answers ready…");
        try {
          const made = await client.build("readable", workbookText(win), (p) => progress.update(p));
          const day = new Date().toISOString().slice(0, 10);
          save(doc, made.html, `${made.stem}-${day}.html`, "text/html");
          progress.end("Your readable copy is downloaded: open it in any browser to read or print.");
        } catch (err) {
          progress.end(`The readable copy could not be made here (${err.message}). Your answers ` +
            "are safe: download your workbook instead.");
        } finally {
          button.disabled = false;
        }
      });
    }
  }

  /** The module of this page (from its first exercise), or null. */
  function pageModule(doc, data) {
    const form = doc.querySelector(".course-static-form[data-prompt]");
    const rule = form && data.prompts[form.dataset.prompt];
    return rule ? rule.module : null;
  }

  function earlyStart(win, client) {
    const data = win.COURSE_DATA;
    const early = data.builder.early || [];
    const here = pageModule(win.document, data);
    if (!here || !early.includes(here)) return;
    if (!mayFetchEarly(win.navigator, here === early[early.length - 1])) return;
    // Signs she is reading: she scrolls the page (not a box inside it, which the theme's
    // own script scrolls), touches, clicks or types.
    const events = ["scroll", "pointerdown", "keydown"];
    const go = (event) => {
      if (event.type === "scroll" && event.target !== win.document) return;
      events.forEach((name) => win.removeEventListener(name, go, true));
      client.fetchEarly();
    };
    const listen = () => events.forEach((name) =>
      win.addEventListener(name, go, { capture: true, passive: true }));
    if (win.document.readyState === "complete") listen();
    else win.addEventListener("load", listen, { once: true });
  }

  const api = {
    Client, Estimate, Progress, mayFetchEarly, noteText, pageModule, progressText, save,
    sizeWords, timeWords, unsupported, workbookText,
    client: null,
    reason: null,
  };

  function start(win) {
    const run = () => {
      const plan = win.COURSE_DATA.builder;
      api.reason = unsupported(win, plan);
      api.client = api.reason ? null : new Client(win, plan);
      wirePanel(win, api.client, api.reason);
      if (api.client) earlyStart(win, api.client);
    };
    if (win.document.readyState === "loading") {
      win.document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  api.start = start;
  return api;
});
