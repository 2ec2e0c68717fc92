// Unit tests of the site's own script (book/_static/course-site.js), run with
// `node --test tests/js/`. The drawer and print are also tested in a real browser
// (tests/browser/test_navigation.py, test_accessibility.py).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const site = require("../../book/_static/course-site.js");

/** A very small stand-in for the DOM: elements in one parent, found by a predicate. */
class FakeElement {
  constructor(tagName, parent = null) {
    this.tagName = tagName;
    this.parent = parent;
    this.children = [];
    this.classes = new Set();
    this.dataset = {};
    this.attributes = {};
    this.textContent = "";
    this.value = "";
    this.rects = 1;
    const own = this;
    this.classList = {
      add: (c) => own.classes.add(c),
      remove: (c) => own.classes.delete(c),
      contains: (c) => own.classes.has(c),
    };
  }
  set className(text) { this.classes = new Set(text.split(" ").filter(Boolean)); }
  setAttribute(name, value) { this.attributes[name] = value; }
  getClientRects() { return { length: this.rects }; }
  get nextElementSibling() {
    const siblings = this.parent.children;
    return siblings[siblings.indexOf(this) + 1] || null;
  }
  after(element) {
    element.parent = this.parent;
    this.parent.children.splice(this.parent.children.indexOf(this) + 1, 0, element);
  }
  remove() { this.parent.children.splice(this.parent.children.indexOf(this), 1); }
}

function fakeDocument(fields) {
  const body = new FakeElement("BODY");
  for (const [tag, value] of fields) {
    const field = new FakeElement(tag, body);
    field.value = value;
    body.children.push(field);
  }
  return {
    body,
    createElement: (tag) => new FakeElement(tag.toUpperCase()),
    querySelectorAll(selector) {
      if (selector === ".course-print-copy") {
        return body.children.filter((e) => e.classes.has("course-print-copy"));
      }
      if (selector === ".course-print-copied") {
        return body.children.filter((e) => e.classes.has("course-print-copied"));
      }
      return body.children.filter((e) => e.tagName === "TEXTAREA" || e.tagName === "INPUT");
    },
  };
}

test("the focus goes back to the toggle that can be seen", () => {
  const hidden = new FakeElement("BUTTON");
  hidden.rects = 0;
  const shown = new FakeElement("BUTTON");
  assert.equal(site.visibleToggle([hidden, shown]), shown);
  assert.equal(site.visibleToggle([hidden]), hidden);
  assert.equal(site.visibleToggle([]), null);
});

test("each answer field gets one printed copy of its whole text, and loses it after", () => {
  const long = "An answer that goes on. ".repeat(90);
  const doc = fakeDocument([["TEXTAREA", long], ["INPUT", "A short action"], ["TEXTAREA", ""]]);
  site.addPrintCopies(doc);
  site.addPrintCopies(doc); // printing twice makes no second copy
  const copies = doc.querySelectorAll(".course-print-copy");
  assert.deepEqual(copies.map((c) => c.textContent), [long, "A short action", ""]);
  assert.deepEqual(copies.map((c) => c.dataset.kind), ["text", "line", "text"]);
  assert.equal(copies[0].attributes["aria-hidden"], "true");
  assert.equal(doc.querySelectorAll(".course-print-copied").length, 3);
  site.removePrintCopies(doc);
  assert.equal(doc.querySelectorAll(".course-print-copy").length, 0);
  assert.equal(doc.querySelectorAll(".course-print-copied").length, 0);
  assert.equal(doc.body.children.length, 3);
});

test("a copy follows an answer changed between two prints", () => {
  const doc = fakeDocument([["TEXTAREA", "First draft"]]);
  site.addPrintCopies(doc);
  doc.body.children[0].value = "Second draft";
  site.addPrintCopies(doc);
  assert.deepEqual(doc.querySelectorAll(".course-print-copy").map((c) => c.textContent),
    ["Second draft"]);
});
