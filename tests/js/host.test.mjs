/** The SCORM launch page's storage prefix, as the website frame takes it (host.js). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { hostData } from "../../book/_scripts/host.js";

const DATA = { storagePrefix: "spread-course:", modules: [] };

function frameIn(parent) {
  const win = { parent };
  return win;
}

test("inside the launch page the frame uses the platform learner's own prefix", () => {
  const win = frameIn({ CourseScormHost: { storagePrefix: "spread-course@1a2b3c:" } });
  assert.equal(hostData(DATA, win).storagePrefix, "spread-course@1a2b3c:");
  assert.equal(DATA.storagePrefix, "spread-course:", "the course data itself is unchanged");
});

test("a prefix outside the course's own, or no launch page, leaves the data as it is", () => {
  for (const prefix of ["other-app:", "spread-course@x", "spread-course:", 42, null]) {
    const win = frameIn({ CourseScormHost: { storagePrefix: prefix } });
    assert.equal(hostData(DATA, win), DATA, String(prefix));
  }
  const top = {};
  top.parent = top; // the website on its own: its own parent
  assert.equal(hostData(DATA, top), DATA);
});

test("a parent of another origin (reading it throws) leaves the data as it is", () => {
  const parent = {};
  Object.defineProperty(parent, "CourseScormHost", {
    get() {
      throw new Error("SecurityError");
    },
  });
  assert.equal(hostData(DATA, frameIn(parent)), DATA);
});
