/*
 * The site's own small behaviours, on every page (bundled into course-light.js by
 * book/_ext/light_pages). Progressive enhancement: without it the pages still read,
 * navigate and print.
 *
 * - Navigation drawer on phones and tablets: the theme opens the module list in a modal
 *   dialog; this adds a close button at its top and gives the keyboard focus back to the
 *   button that opened it when it closes (the theme's own script loses it).
 * - Print: every typed answer prints in full. Before printing, each answer box gets a
 *   plain copy of its text, which the print stylesheet shows instead of the box (a box
 *   would cut a long answer off at its edge); the copies go again after printing.
 *
 * It makes no network request. The pure functions are exported for unit tests
 * (tests/js/course-site.test.mjs, run with node --test).
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseSite = api;
    if (root.document) api.start(root.document, root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const DRAWERS = [
    { dialog: "#pst-primary-sidebar-modal", sidebar: "#pst-primary-sidebar",
      toggle: ".primary-toggle", label: "Close the course navigation" },
    { dialog: "#pst-secondary-sidebar-modal", sidebar: "#pst-secondary-sidebar",
      toggle: ".secondary-toggle", label: "Close the contents of this page" },
  ];
  const PRINT_COPY = "course-print-copy";
  const ANSWER_FIELDS = ".course-exercise textarea, .course-exercise input[type='text']";

  // ------------------------------------------------------------------ pure logic

  /** The element to focus when a drawer closes: the visible one of its toggle buttons. */
  function visibleToggle(buttons) {
    return buttons.find((b) => b.getClientRects().length > 0) || buttons[0] || null;
  }

  /** The text a printed copy of an answer field shows (a blank line for an empty one). */
  function printText(field) {
    return field.value || "";
  }

  // ------------------------------------------------------------------ the drawer

  function closeButton(doc, label, dialog) {
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "btn course-drawer-close";
    button.setAttribute("aria-label", label);
    const icon = doc.createElement("i");
    icon.className = "fa-solid fa-xmark";
    icon.setAttribute("aria-hidden", "true");
    const text = doc.createElement("span");
    text.textContent = "Close";
    button.append(icon, text);
    button.addEventListener("click", () => dialog.close());
    return button;
  }

  function setUpDrawer(doc, drawer) {
    const { toggle, label } = drawer;
    const dialog = doc.querySelector(drawer.dialog);
    const sidebar = doc.querySelector(drawer.sidebar);
    if (!dialog || !sidebar) return;
    // The theme moves the sidebar's content into the dialog to open it, and back to close
    // it; the button travels with it and shows only inside an open dialog (course.css).
    sidebar.prepend(closeButton(doc, label, dialog));
    dialog.addEventListener("close", () => {
      const button = visibleToggle([...doc.querySelectorAll(toggle)]);
      if (button) button.focus();
    });
  }

  // ------------------------------------------------------------------ print

  function addPrintCopies(doc) {
    for (const field of doc.querySelectorAll(ANSWER_FIELDS)) {
      let copy = field.nextElementSibling;
      if (!copy || !copy.classList.contains(PRINT_COPY)) {
        copy = doc.createElement("div");
        copy.className = PRINT_COPY;
        copy.setAttribute("aria-hidden", "true");
        field.after(copy);
      }
      copy.dataset.kind = field.tagName === "TEXTAREA" ? "text" : "line";
      copy.textContent = printText(field);
      field.classList.add("course-print-copied");
    }
  }

  function removePrintCopies(doc) {
    for (const copy of doc.querySelectorAll(`.${PRINT_COPY}`)) copy.remove();
    for (const field of doc.querySelectorAll(".course-print-copied")) {
      field.classList.remove("course-print-copied");
    }
  }

  function setUpPrint(doc, win) {
    win.addEventListener("beforeprint", () => addPrintCopies(doc));
    win.addEventListener("afterprint", () => removePrintCopies(doc));
    // Print previews that skip the events above still switch to print media.
    if (win.matchMedia) {
      const print = win.matchMedia("print");
      print.addEventListener("change", (event) => {
        if (event.matches) addPrintCopies(doc);
        else removePrintCopies(doc);
      });
    }
  }

  function start(doc, win) {
    const run = () => {
      for (const drawer of DRAWERS) setUpDrawer(doc, drawer);
      setUpPrint(doc, win);
    };
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", run);
    else run();
  }

  return { visibleToggle, printText, addPrintCopies, removePrintCopies, start };
});
