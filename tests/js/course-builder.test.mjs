// Unit tests of the document builder's client (book/_static/course-builder.js), run with
// `node --test tests/js/`. The worker itself runs in a real browser in
// tests/browser/test_documents.py.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const api = require("../../book/_static/course-builder.js");

const PLAN = {
  version: "abc",
  worker: "course-builder-worker.js?v=1",
  bytes: 4_600_000,
  files: { wasm: { url: "course-builder/pyodide.1.asm.wasm.gz", bytes: 3_500_000, gzip: true } },
  lock: { info: {}, packages: {} },
  early: ["progress", "capstone"],
};

function win(overrides = {}) {
  return {
    location: { protocol: "https:", href: "https://course.example/book/modules/capstone.html" },
    document: { documentElement: { dataset: { content_root: "../../" } } },
    Worker: class {},
    WebAssembly: {},
    DecompressionStream: class {},
    ...overrides,
  };
}

test("sizes and times read as a person would say them", () => {
  assert.equal(api.sizeWords(4_630_000), "4.6 MB");
  assert.equal(api.sizeWords(351_400), "351 KB");
  assert.equal(api.sizeWords(10), "1 KB");
  assert.equal(api.timeWords(4), "A few seconds left.");
  assert.equal(api.timeWords(23), "About 25 seconds left.");
  assert.equal(api.timeWords(70), "About a minute left.");
  assert.equal(api.timeWords(200), "About 3 minutes left.");
  assert.equal(api.timeWords(Number.NaN), "");
});

test("the builder explains plainly where it cannot run", () => {
  assert.equal(api.unsupported(win(), PLAN), null);
  const fromDisk = api.unsupported(win({ location: { protocol: "file:", href: "file:///c.html" } }), PLAN);
  assert.match(fromDisk, /opened from files on this computer/);
  assert.match(fromDisk, /make serve/);
  assert.match(fromDisk, /Jupyter/);
  assert.match(api.unsupported(win({ Worker: undefined }), PLAN), /too old/);
  assert.match(api.unsupported(win({ DecompressionStream: undefined }), PLAN), /too old/);
  assert.match(api.unsupported(win(), {}), /no document builder/);
});

test("background downloads only on connections that allow them", () => {
  const nav = (connection) => ({ connection });
  assert.equal(api.mayFetchEarly(nav({ effectiveType: "4g", saveData: false }), false), true);
  assert.equal(api.mayFetchEarly(nav({ effectiveType: "3g", saveData: false }), false), true);
  assert.equal(api.mayFetchEarly(nav({ effectiveType: "4g", saveData: true }), true), false);
  assert.equal(api.mayFetchEarly(nav({ effectiveType: "2g", saveData: false }), true), false);
  assert.equal(api.mayFetchEarly(nav({ effectiveType: "slow-2g", saveData: false }), true), false);
  // Where the browser does not say, only on the capstone itself.
  assert.equal(api.mayFetchEarly(nav(undefined), false), false);
  assert.equal(api.mayFetchEarly(nav(undefined), true), true);
});

test("before the first build, the note gives the real size, or says it is already here", () => {
  const first = api.noteText(PLAN, false);
  assert.match(first, /4\.6 MB/);
  assert.match(first, /about 25 seconds on a slow connection/);
  assert.doesNotMatch(first, /about 6 MB/);
  assert.match(api.noteText(PLAN, true), /already on this device/);
});

test("progress says the step, the bytes and a plain estimate from the measured speed", () => {
  const estimate = new api.Estimate(0);
  const early = { step: "download", received: 10_000, total: 4_000_000, cached: 0 };
  assert.equal(api.progressText(early, estimate, 500),
    "Downloading the document builder: 10 KB of 4.0 MB.");
  // 1 MB in 5 seconds: 3 MB more take 15 s, and starting takes a few more.
  const half = { step: "download", received: 1_000_000, total: 4_000_000, cached: 0 };
  assert.equal(api.progressText(half, estimate, 5000),
    "Downloading the document builder: 1.0 MB of 4.0 MB. About 20 seconds left.");
  const kept = { step: "download", received: 4_000_000, total: 4_000_000, cached: 4_000_000 };
  assert.match(api.progressText(kept, new api.Estimate(0), 100), /kept on this device/);
  assert.match(api.progressText({ ...kept, step: "start" }, null), /already on this device/);
  assert.equal(api.progressText({ ...half, step: "start" }, null), "Starting the document builder…");
  assert.equal(api.progressText({ ...half, step: "build" }, null), "Building from your answers…");
});

class FakeWorker {
  static made = [];
  constructor(url, options) {
    this.url = url;
    this.options = options;
    this.sent = [];
    this.listeners = {};
    FakeWorker.made.push(this);
  }
  postMessage(message) {
    this.sent.push(message);
  }
  addEventListener(name, fn) {
    this.listeners[name] = fn;
  }
  emit(name, data) {
    this.listeners[name]({ data, preventDefault() {} });
  }
}

test("the client starts one module worker and answers each build with its own result", async () => {
  FakeWorker.made = [];
  const client = new api.Client(win({ Worker: FakeWorker }), PLAN);
  const seen = [];
  const one = client.build("documents", "{}", (p) => seen.push(p.received));
  const two = client.build("readable", "{}");
  assert.equal(FakeWorker.made.length, 1);
  const worker = FakeWorker.made[0];
  assert.equal(worker.url, "https://course.example/_static/course-builder-worker.js?v=1");
  assert.deepEqual(worker.options, { type: "module" });
  assert.deepEqual(worker.sent.map((m) => [m.type, m.what, m.id]),
    [["build", "documents", 1], ["build", "readable", 2]]);
  worker.emit("message", { type: "progress", step: "download", received: 5, total: 9, cached: 0 });
  worker.emit("message", { type: "done", id: 2, json: '{"html": "<p>two</p>"}' });
  worker.emit("message", { type: "failed", id: 1, message: "no room" });
  assert.deepEqual(await two, { html: "<p>two</p>" });
  await assert.rejects(one, /no room/);
  assert.deepEqual(seen, [5]);
});

test("a worker that stops fails every waiting build, and the next build starts afresh", async () => {
  FakeWorker.made = [];
  const client = new api.Client(win({ Worker: FakeWorker }), PLAN);
  const waiting = client.build("documents", "{}");
  FakeWorker.made[0].emit("error", {});
  await assert.rejects(waiting, /stopped/);
  client.build("documents", "{}");
  assert.equal(FakeWorker.made.length, 2);
});

test("a worker the browser refuses to start is a plain error, not a page error", async () => {
  const refusing = class {
    constructor() {
      throw new Error("blocked by the content security policy");
    }
  };
  const client = new api.Client(win({ Worker: refusing }), PLAN);
  await assert.rejects(client.build("documents", "{}"), /could not start \(blocked/);
  assert.doesNotThrow(() => client.fetchEarly());
});
