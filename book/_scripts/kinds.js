/**
 * The exercise kinds the page knows: one entry per kind folder exercises/kinds/<folder>/
 * that has a form.json (the form's HTML contract) and a form.js (its reader and writer).
 * build.mjs finds them when it bundles the script, so a new kind needs no edit here.
 *
 * A kind's form.js exports read(form, parts) and write(form, value, parts), and may
 * export show(form, value, parts) (draw what the value means: a point, feedback, row
 * numbers), enhance(form, parts, {maxRows, changed}) (add controls the script needs), and
 * `incomplete` (what to say while read() returns undefined: a half-made answer).
 * `parts` is the contract's parts: {name: {selector}}.
 */

/** A Map of kind name to {kind, parts, read, write, show, enhance, incomplete}. */
export function kindTable(list) {
  const table = new Map();
  for (const { kind, parts, form } of list) {
    if (typeof form.read !== "function" || typeof form.write !== "function") {
      throw new Error(`The ${kind} kind's form.js must export read and write.`);
    }
    if (table.has(kind)) throw new Error(`Two kind folders both define the ${kind} kind.`);
    table.set(kind, {
      kind,
      parts,
      read: form.read,
      write: form.write,
      show: form.show || (() => {}),
      enhance: form.enhance || null,
      incomplete: form.incomplete || "Not saved yet: this answer is not finished.",
    });
  }
  return table;
}
