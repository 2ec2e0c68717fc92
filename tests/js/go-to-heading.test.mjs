// Unit tests of the form view's heading script (exercises/widgets/go-to-heading.js), run
// with `node --test tests/js/`. tests/browser/test_form_view.py runs it in Voila for real.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const { linkedHeadingId, goToLinkedHeading } = require("../../exercises/widgets/go-to-heading.js");

/** A window whose timer runs only when told, and a page with one heading. */
function fakeWindow(hash, { visibleAfterTicks = 0, headingId = "Broker" } = {}) {
  const calls = [];
  let ticks = 0;
  const heading = {
    attributes: new Map(),
    hasAttribute(name) { return this.attributes.has(name); },
    setAttribute(name, value) { this.attributes.set(name, value); },
    getClientRects() { return ticks > visibleAfterTicks ? [{}] : []; },
    scrollIntoView() { calls.push("scroll"); },
    focus(options) { calls.push(["focus", options]); },
  };
  const win = {
    location: { hash },
    document: { getElementById: (id) => (id === headingId ? heading : null) },
    timer: null,
    setInterval(fn, every) { this.timer = { fn, every }; return 7; },
    clearInterval(id) { assert.equal(id, 7); this.timer = null; },
    tick() { ticks += 1; this.timer.fn(); },
  };
  return { win, heading, calls };
}

test("the heading id is the anchor, decoded", () => {
  assert.equal(linkedHeadingId("#Simple,-complicated-and-complex"), "Simple,-complicated-and-complex");
  assert.equal(linkedHeadingId("#Old%20power"), "Old power");
  assert.equal(linkedHeadingId("#100%"), "100%");
  assert.equal(linkedHeadingId(""), "");
  assert.equal(linkedHeadingId(undefined), "");
});

test("waits until the heading shows, then scrolls to it and focuses it once", () => {
  const { win, heading, calls } = fakeWindow("#Broker", { visibleAfterTicks: 2 });
  goToLinkedHeading(win);
  assert.equal(win.timer.every, 100);
  win.tick();
  win.tick();
  assert.deepEqual(calls, []); // still hidden: nothing yet
  win.tick();
  assert.deepEqual(calls, ["scroll", ["focus", { preventScroll: true }]]);
  assert.equal(heading.attributes.get("tabindex"), "-1");
  assert.equal(win.timer, null);
});

test("keeps a heading's own tabindex", () => {
  const { win, heading } = fakeWindow("#Broker");
  heading.setAttribute("tabindex", "0");
  goToLinkedHeading(win);
  win.tick();
  assert.equal(heading.attributes.get("tabindex"), "0");
});

test("does nothing without an anchor, and gives up on a heading that never shows", () => {
  const none = fakeWindow("");
  goToLinkedHeading(none.win);
  assert.equal(none.win.timer, null);

  const missing = fakeWindow("#Nowhere");
  goToLinkedHeading(missing.win, { giveUpAfter: 0 });
  missing.win.tick();
  assert.equal(missing.win.timer, null);
  assert.deepEqual(missing.calls, []);
});
