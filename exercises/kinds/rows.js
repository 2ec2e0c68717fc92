/**
 * The kinds answered in rows (list, actions) on the website: the browser side of
 * exercises/kinds/rows.py. The form has one row; the script adds and removes rows,
 * numbers them, and keeps every control's id and label in step (row n's ids are
 * `<data-row-base>-<n>-<tail>`, row 1's as Python writes them).
 */
import { every, one } from "./form-parts.js";

function lastRow(box, parts) {
  const rows = every(box, parts.row);
  return rows[rows.length - 1];
}

/** A new empty row after the last one. */
export function addRow(box, parts) {
  const row = one(box, parts.row).cloneNode(true);
  every(row, parts.cell).forEach((input) => {
    input.value = "";
  });
  row.querySelectorAll("[data-action=remove-row]").forEach((button) => button.remove());
  lastRow(box, parts).after(row);
  renumber(box, parts);
  return row;
}

/** Row legends, control ids, labels and remove buttons follow the rows' order. */
export function renumber(box, parts) {
  const doc = box.ownerDocument;
  const rows = every(box, parts.row);
  const base = box.dataset.rowBase;
  rows.forEach((row, index) => {
    const n = index + 1;
    one(row, parts.legend).textContent = `Row ${n}`;
    every(row, parts.field).forEach((field) => {
      const input = one(field, parts.cell);
      const label = one(field, parts.label);
      if (!input.dataset.idTail) input.dataset.idTail = input.id.slice(`${base}-1-`.length);
      input.id = `${base}-${n}-${input.dataset.idTail}`;
      label.setAttribute("for", input.id);
    });
    let remove = row.querySelector("[data-action=remove-row]");
    if (!remove) {
      remove = doc.createElement("button");
      remove.type = "button";
      remove.dataset.action = "remove-row";
      row.append(remove);
    }
    remove.textContent = rows.length === 1 ? `Clear row ${n}` : `Remove row ${n}`;
  });
  const add = box.parentElement.querySelector("[data-action=add-row]");
  if (add) add.disabled = rows.length >= Number(box.dataset.maxRows || 50);
}

/** The rows that hold anything, each as {field id: text}. */
export function read(form, parts) {
  const rows = [];
  for (const row of every(form, parts.row)) {
    const value = {};
    every(row, parts.cell).forEach((input) => {
      value[input.dataset.field] = input.value;
    });
    if (Object.values(value).some((cell) => cell.trim() !== "")) rows.push(value);
  }
  return rows;
}

/** As many rows as the value has (one empty row for none), filled in. */
export function write(form, value, parts) {
  const rows = Array.isArray(value) && value.length ? value : [{}];
  const box = one(form, parts.rows);
  while (every(box, parts.row).length > rows.length) lastRow(box, parts).remove();
  while (every(box, parts.row).length < rows.length) addRow(box, parts);
  every(box, parts.row).forEach((row, n) => {
    const cells = rows[n] && typeof rows[n] === "object" ? rows[n] : {};
    every(row, parts.cell).forEach((input) => {
      const cell = Object.hasOwn(cells, input.dataset.field) ? cells[input.dataset.field] : "";
      input.value = typeof cell === "string" ? cell : "";
    });
  });
  renumber(box, parts);
}

/** Keep the row numbers right after any change. */
export function show(form, value, parts) {
  renumber(one(form, parts.rows), parts);
}

/**
 * Add the "add a row" button and the remove buttons. `context.maxRows` is the most rows
 * the answer may have; `context.changed()` asks for the answer to be saved.
 */
export function enhance(form, parts, context) {
  const box = one(form, parts.rows);
  const doc = form.ownerDocument;
  box.dataset.maxRows = String(context.maxRows);
  const add = doc.createElement("button");
  add.type = "button";
  add.dataset.action = "add-row";
  add.textContent = box.dataset.addLabel;
  box.after(add);
  add.addEventListener("click", () => {
    const row = addRow(box, parts);
    one(row, parts.cell).focus();
  });
  box.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=remove-row]");
    if (!button) return;
    const row = button.closest(parts.row.selector);
    if (every(box, parts.row).length > 1) row.remove();
    else every(row, parts.cell).forEach((input) => { input.value = ""; });
    renumber(box, parts);
    add.focus();
    context.changed();
  });
  renumber(box, parts);
}
