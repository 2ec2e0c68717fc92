/**
 * Where she is in the course, from the answers kept in this browser:
 * - each module in the site's navigation is marked not started, in progress or done (a
 *   sign that does not rely on colour, and the words for screen readers);
 * - every page she reads is remembered, and the home page and Start here offer "Continue
 *   where you left off" with a link to it (a `.course-continue` box on those pages).
 * A module counts as done when every question has an answer that fits it (the rule of
 * exercises.plan.progress: an answer to an earlier version of a question is left to do).
 */
import { el } from "./dom.js";
import { isEmpty, own, validate } from "./rules.js";

const WORDS = { "not-started": "not started", "in-progress": "in progress", done: "done" };
const SIGNS = { "not-started": "", "in-progress": "◐", done: "✓" };

/** Module id to "not-started", "in-progress" or "done" (modules with questions only). */
export function moduleStates(data, answers) {
  const fits = (pid) => {
    const answer = own(answers, pid);
    const rule = own(data.prompts, pid);
    return Boolean(answer && rule && !isEmpty(answer.value) && validate(rule.schema, answer.value) === null);
  };
  const states = new Map();
  for (const module of data.modules) {
    if (!module.prompts.length) continue;
    const done = module.prompts.filter(fits).length;
    states.set(module.id, done === 0 ? "not-started" : done === module.prompts.length ? "done" : "in-progress");
  }
  return states;
}

/** The path of a page under the site's root ("book/modules/mindset.html"), or null. */
export function sitePath(doc, href) {
  const root = new URL(doc.documentElement.dataset.content_root || "./", doc.baseURI);
  const url = new URL(href, doc.baseURI);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  return decodeURIComponent(url.pathname.slice(root.pathname.length));
}

function moduleOf(doc, link) {
  const path = sitePath(doc, link.getAttribute("href") || "");
  const found = path && /^book\/modules\/([a-z0-9-]+)\.html$/.exec(path);
  return found ? found[1] : null;
}

/** Mark every module link of the navigation (again after each change). */
export function markNavigation(doc, data, answers) {
  const states = moduleStates(data, answers);
  for (const link of doc.querySelectorAll("nav.bd-docs-nav a.reference.internal")) {
    const id = moduleOf(doc, link);
    if (!id || !states.has(id)) continue;
    const state = states.get(id);
    let mark = link.querySelector(".course-mark");
    if (!mark) {
      mark = el(doc, "span", { class: "course-mark" });
      link.append(mark);
    }
    mark.dataset.state = state;
    mark.replaceChildren(
      el(doc, "span", { class: "course-mark-sign", "aria-hidden": "true" }, SIGNS[state]),
      el(doc, "span", { class: "visually-hidden" }, ` (${WORDS[state]})`),
    );
  }
}

const NOT_REMEMBERED = /^(index\.html|book\/index\.html|book\/start-here\.html|search\.html|genindex\.html)$/;
const SAFE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.html$/;

/** The page's own title: its first heading, without the heading's link sign. */
function pageTitle(doc) {
  const heading = doc.querySelector("main h1, article h1, h1");
  if (!heading) return doc.title;
  const copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((node) => node.remove());
  return copy.textContent.trim() || doc.title;
}

/** Remember this page as the last one she read (not the home page, Start here or search). */
export function rememberPage(doc, store) {
  const path = sitePath(doc, doc.location ? doc.location.href : doc.baseURI);
  if (!path || NOT_REMEMBERED.test(path) || !SAFE_PATH.test(path)) return;
  store.set("last-page", JSON.stringify({ path, title: pageTitle(doc).slice(0, 200) }));
}

/** The page remembered, if it is one of the site's own pages. */
export function lastPage(store) {
  try {
    const page = JSON.parse(store.get("last-page") || "null");
    if (page && typeof page.path === "string" && SAFE_PATH.test(page.path) && !page.path.includes("..")) {
      return { path: page.path, title: String(page.title || page.path) };
    }
  } catch {
    /* not ours, or damaged: nothing to offer */
  }
  return null;
}

/** Fill the page's "Continue where you left off" boxes, if there is a page to go back to. */
export function offerContinue(doc, store) {
  const page = lastPage(store);
  for (const box of doc.querySelectorAll(".course-continue")) {
    if (!page) continue;
    const link = el(doc, "a", { href: `${doc.documentElement.dataset.content_root || ""}${page.path}` }, page.title);
    const line = el(doc, "p", {}, "Continue where you left off: ");
    line.append(link);
    box.replaceChildren(line);
    box.hidden = false;
  }
}
