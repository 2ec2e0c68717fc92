// Shows the heading that a link such as `glossary.ipynb#Broker` names, in the form view.
//
// Voila (the no-code form view) keeps a page hidden until all its cells are rendered, so
// the browser's own jump to the link's #anchor finds nothing to show, and the page opens
// at the top. This script, put on the page by `exercises.go_to_linked_heading()`, waits
// for the heading to appear, then scrolls to it and gives it the keyboard focus, as
// following a link on a web page does. It gives up after a minute. Elsewhere (JupyterLab,
// the website) the heading is already in view, and the script changes nothing.
"use strict";

/** The heading id in an address's #anchor ("" when there is none). */
function linkedHeadingId(hash) {
  const raw = String(hash || "").replace(/^#/, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a stray "%" is part of the id
  }
}

/** Wait for the linked heading to be visible in `win`, then scroll to it and focus it. */
function goToLinkedHeading(win, { every = 100, giveUpAfter = 60000 } = {}) {
  const id = linkedHeadingId(win.location.hash);
  if (!id) return;
  const started = Date.now();
  const timer = win.setInterval(() => {
    const heading = win.document.getElementById(id);
    if (heading && heading.getClientRects().length > 0) {
      win.clearInterval(timer);
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.scrollIntoView();
      heading.focus({ preventScroll: true });
    } else if (Date.now() - started >= giveUpAfter) {
      win.clearInterval(timer);
    }
  }, every);
}

if (typeof module !== "undefined") {
  module.exports = { linkedHeadingId, goToLinkedHeading };
} else {
  goToLinkedHeading(window);
}
