/**
 * The device panel's "Download a readable copy of all my answers" button on pages that do
 * not load the document builder's client at once (book/_ext/site_answer_scripts.py loads
 * it only on Module 15 and the capstone, to keep module pages light): the first press
 * loads _static/course-builder.js, which wires the button, and then presses it again for
 * the learner. Nothing is fetched until she asks.
 */
import { statusLine } from "./words.js";

/** The script's address, beside the site's other static files. */
export function builderUrl(doc) {
  return `${doc.documentElement.dataset.content_root || ""}_static/course-builder.js`;
}

export function lazyBuilder(doc, win) {
  if (win.CourseBuilder) return;
  const buttons = [...doc.querySelectorAll("[data-action=download-readable]")];
  const first = (event) => {
    if (win.CourseBuilder) return; // loaded meanwhile: its own handler runs
    event.stopImmediatePropagation();
    const button = event.currentTarget;
    buttons.forEach((b) => b.removeEventListener("click", first));
    const status = button.closest(".course-device").querySelector(".course-readable-status");
    statusLine(status, "Getting the document builder ready…");
    const script = doc.createElement("script");
    script.src = builderUrl(doc);
    script.addEventListener("load", () => button.click());
    script.addEventListener("error", () => {
      statusLine(status, "The readable copy could not be made here (the document builder " +
        "did not load). Your answers are safe: download your workbook instead.", true);
    });
    doc.head.append(script);
  };
  buttons.forEach((b) => b.addEventListener("click", first));
}
