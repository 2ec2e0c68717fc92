/** The readable copy's first press loads the document builder's client (lazy.js). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { builderUrl, lazyBuilder } from "../../book/_scripts/lazy.js";
import { windowWith } from "./helpers.mjs";

const PANEL = `<div class="course-device"><button type="button" data-action="download-readable">
Download a readable copy</button><p class="course-readable-status"></p></div>`;

test("the first press loads the builder's client from the site, then presses again", () => {
  const win = windowWith(PANEL);
  win.document.documentElement.dataset.content_root = "../../";
  const pressed = [];
  lazyBuilder(win.document, win);
  const button = win.document.querySelector("button");
  button.addEventListener("click", () => pressed.push(win.CourseBuilder ? "builder" : "page"));
  button.click();
  const scripts = [...win.document.querySelectorAll("script")];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0].getAttribute("src"), "../../_static/course-builder.js");
  assert.deepEqual(pressed, [], "the page's own press is held until the builder is here");
  assert.match(win.document.querySelector(".course-readable-status").textContent, /Getting/);
  win.CourseBuilder = {};
  scripts[0].dispatchEvent(new win.Event("load"));
  assert.deepEqual(pressed, ["builder"]);
  button.click();
  assert.equal(win.document.querySelectorAll("script").length, 1, "loaded once only");
});

test("where the builder's client is already on the page, nothing is added", () => {
  const win = windowWith(PANEL);
  win.CourseBuilder = {};
  lazyBuilder(win.document, win);
  win.document.querySelector("button").click();
  assert.equal(win.document.querySelectorAll("script").length, 0);
  assert.equal(builderUrl(win.document), "_static/course-builder.js");
});

test("a builder that cannot load says so plainly and keeps her answers safe", () => {
  const win = windowWith(PANEL);
  lazyBuilder(win.document, win);
  win.document.querySelector("button").click();
  win.document.querySelector("script").dispatchEvent(new win.Event("error"));
  const status = win.document.querySelector(".course-readable-status");
  assert.match(status.textContent, /could not be made here.*download your workbook/);
  assert.ok(status.classList.contains("course-problem"));
});
