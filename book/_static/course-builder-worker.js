/*
 * The capstone's document builder, in a Web Worker so the page never freezes.
 *
 * A module worker (Pyodide refuses classic ones), in a .js file so that every host serves
 * it as JavaScript; it has no import statement of its own, so it also reads as a script.
 *
 * It downloads the builder's files (listed by the build in window.COURSE_DATA.builder and
 * sent here by course-builder.js), counting the bytes as they arrive; undoes their gzip
 * (unless the host already did); keeps them in Cache Storage for the next visit; starts
 * Pyodide with the course package; and runs the package's own document code
 * (book/_ext/builder_entry.py). It never relies on the type a host gives a file: the
 * module scripts are loaded from Blobs and the WebAssembly from a Response of the right
 * type, made here. Nothing is sent anywhere: the only requests are for the site's files.
 *
 * Messages in:  {type: "fetch"} downloads only; {type: "build", id, what, workbook} builds
 *               ("documents" or "readable"), downloading and starting first if needed.
 * Messages out: {type: "progress", step, received, total, cached} and
 *               {type: "done", id, json} or {type: "failed", id, message}.
 */
"use strict";

const CACHE = "spread-course-builder";
const HOME = "/home/pyodide/course";
let plan = null; // the builder's description from COURSE_DATA.builder
let downloads = null; // {each: {key: Promise of plain bytes}, all: Promise of them all}
let python = null; // Promise of the running Pyodide
const counted = { received: 0, total: 0, cached: 0 };
let lastReport = 0;

function report(step, force = false) {
  const now = Date.now();
  if (!force && now - lastReport < 200) return;
  lastReport = now;
  self.postMessage({ type: "progress", step, ...counted });
}

function absolute(url) {
  return new URL(url, self.location.href).href;
}

async function openCache() {
  try {
    return self.caches ? await self.caches.open(CACHE) : null;
  } catch {
    return null; // no Cache Storage here (private window, file://): the HTTP cache still helps
  }
}

/** The whole body of a response, counting bytes as they arrive. */
async function readCounting(response, cached) {
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    if (cached) counted.cached += value.length;
    counted.received += value.length;
    report("download");
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Plain bytes from a file that may be gzipped (a host that sends it with
 * Content-Encoding: gzip has undone that already, so look at the bytes themselves). */
async function plain(bytes) {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Where this browser keeps its compiled copy of the standard library (made after the
 * first build, so that later visits start without compiling it again). */
function compiledUrl() {
  return `${absolute(plan.files.stdlib.url)}?compiled=1`;
}

let usedCompiled = false; // this start uses the compiled copy kept here
let compiledKept = false; // this worker has made the compiled copy already

async function download(key, cache) {
  const entry = plan.files[key];
  const url = absolute(entry.url);
  let response;
  if (cache && key === "stdlib") {
    response = await cache.match(compiledUrl()).catch(() => undefined);
    usedCompiled = Boolean(response);
  }
  if (!response && cache) response = await cache.match(url).catch(() => undefined);
  const cached = Boolean(response);
  if (!response) {
    response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`the file ${entry.url} could not be downloaded (${response.status})`);
  }
  const bytes = await readCounting(response, cached);
  if (cache && !cached) {
    const copy = new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } });
    await cache.put(url, copy).catch(() => {});
  }
  return plain(bytes);
}

/** Forget copies of older builds (their names carry another hash). */
async function tidy(cache) {
  if (!cache) return;
  const current = new Set(Object.values(plan.files).map((f) => absolute(f.url)));
  current.add(compiledUrl());
  for (const request of await cache.keys()) {
    if (!current.has(request.url)) await cache.delete(request);
  }
}

/** Every file, downloading at once: `each` has a promise per file (so Pyodide can start
 * on its WebAssembly while the rest arrive), `all` the whole set. */
function fetchAll() {
  downloads ??= (() => {
    const cache = openCache();
    Object.assign(counted, { received: 0, cached: 0, total: plan.bytes });
    report("download", true);
    const keys = Object.keys(plan.files);
    const each = Object.fromEntries(keys.map((key) => [key, cache.then((c) => download(key, c))]));
    Object.values(each).forEach((p) => p.catch(() => {})); // failures are reported by `all`
    const all = Promise.all(keys.map((key) => each[key])).then((bodies) => {
      cache.then(tidy).catch(() => {});
      report("download", true);
      return Object.fromEntries(keys.map((key, i) => [key, bodies[i]]));
    });
    all.catch(() => {
      downloads = null; // a failed download may be tried again
    });
    return { each, all };
  })();
  return downloads;
}

/** Pyodide asks for its WebAssembly and standard library by URL: answer those two from
 * the files being downloaded, as Responses of the right type, whatever the host sends. */
function serveFromMemory(index, each) {
  const made = {
    [`${index}pyodide.asm.wasm`]: () => each.wasm.then((bytes) =>
      new Response(bytes, { headers: { "Content-Type": "application/wasm" } })),
    [`${index}python_stdlib.zip`]: () => each.stdlib.then((bytes) =>
      new Response(bytes, { headers: { "Content-Type": "application/zip" } })),
  };
  const network = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = typeof input === "string" ? input : String(input.url || input);
    return made[url] ? made[url]() : network(input, init);
  };
}

function start() {
  python ??= (async () => {
    const { each, all } = fetchAll();
    all.then(() => report("start", true), () => {});
    const index = absolute(`${plan.files.loader.url.replace(/[^/]*$/, "")}`);
    const script = (bytes) => URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
    const loaderUrl = script(await each.loader);
    const { loadPyodide } = await import(loaderUrl);
    const moduleUrl = script(await each.module);
    const { default: createPyodideModule } = await import(moduleUrl);
    serveFromMemory(index, each);
    // A failed download must fail the start (Pyodide would wait for ever for its file).
    const [py, files] = await Promise.all([
      loadPyodide({
        indexURL: index,
        lockFileContents: plan.lock,
        packageBaseUrl: index,
        createPyodideModule,
        stdout: () => {},
        stderr: () => {},
      }),
      all,
    ]);
    URL.revokeObjectURL(loaderUrl);
    URL.revokeObjectURL(moduleUrl);
    py.unpackArchive(files.package, "zip", { extractDir: HOME });
    py.globals.set("PROMPTS", new TextDecoder().decode(files.prompts));
    py.runPython(
      `import sys\nsys.path.insert(0, ${JSON.stringify(HOME)})\n` +
        "import builder_entry\nbuilder_entry.load(PROMPTS)\ndel PROMPTS",
    );
    return py;
  })();
  python.catch(() => {
    python = null;
  });
  return python;
}

/** Start Python; if a compiled copy of the library kept here fails, forget it and start
 * again from the library as the site serves it. */
async function startSafely() {
  try {
    return await start();
  } catch (err) {
    if (!usedCompiled) throw err;
    const cache = await openCache();
    if (cache) await cache.delete(compiledUrl()).catch(() => {});
    downloads = null;
    usedCompiled = false;
    return start();
  }
}

/** After the first build from the library as served, keep a compiled copy for later. */
async function keepCompiled(py) {
  const cache = await openCache();
  if (!cache || usedCompiled || compiledKept) return;
  compiledKept = true;
  const path = "/tmp/compiled-stdlib.zip";
  py.runPython(`import builder_entry\nbuilder_entry.compile_stdlib(${JSON.stringify(path)})`);
  const bytes = py.FS.readFile(path);
  py.FS.unlink(path);
  const packed = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  const body = await new Response(packed).arrayBuffer();
  const headers = { "Content-Type": "application/octet-stream" };
  await cache.put(compiledUrl(), new Response(body, { headers }));
}

const BUILDS = { documents: "build_documents", readable: "build_readable" };

async function build(message) {
  const py = await startSafely();
  report("build", true);
  const entry = py.pyimport("builder_entry");
  try {
    return entry[BUILDS[message.what]](message.workbook);
  } finally {
    entry.destroy();
  }
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  plan ??= message.plan;
  if (message.type === "fetch") {
    fetchAll().all.catch(() => {}); // a background download that fails is simply tried later
    return;
  }
  if (message.type !== "build" || !BUILDS[message.what]) return;
  build(message).then(
    (json) => {
      self.postMessage({ type: "done", id: message.id, json });
      python.then((py) => setTimeout(() => keepCompiled(py).catch(() => {}), 0));
    },
    (err) => self.postMessage({ type: "failed", id: message.id, message: String(err && err.message || err) }),
  );
});
