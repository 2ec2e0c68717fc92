/** `rating` on the website: one rating, or one per grid row (contract: form.json). */
import { checkValues, checkedValues, every } from "../form-parts.js";

export function read(form, parts) {
  const rows = every(form, parts.row);
  if (!rows.length) {
    const [on] = checkedValues(every(form, parts.option));
    return on === undefined ? null : Number(on);
  }
  const value = {};
  for (const row of rows) {
    const [on] = checkedValues(every(row, parts.option));
    if (on !== undefined) value[row.dataset.item] = Number(on);
  }
  return value;
}

export function write(form, value, parts) {
  const rows = every(form, parts.row);
  if (!rows.length) {
    checkValues(every(form, parts.option), typeof value === "number" ? [String(value)] : []);
    return;
  }
  for (const row of rows) {
    const rating = value && Object.hasOwn(value, row.dataset.item) ? value[row.dataset.item] : null;
    checkValues(every(row, parts.option), rating === null ? [] : [String(rating)]);
  }
}
