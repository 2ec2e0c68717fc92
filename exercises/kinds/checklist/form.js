/** `checklist` on the website: the ids of the ticked options (contract: form.json). */
import { checkValues, checkedValues, every } from "../form-parts.js";

export function read(form, parts) {
  return checkedValues(every(form, parts.option));
}

export function write(form, value, parts) {
  checkValues(every(form, parts.option), Array.isArray(value) ? value : []);
}
