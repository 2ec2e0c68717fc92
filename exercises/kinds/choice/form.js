/** `choice` on the website: the value is the chosen option's id (contract: form.json). */
import { checkValues, checkedValues, every } from "../form-parts.js";

export function read(form, parts) {
  const [on] = checkedValues(every(form, parts.option));
  return on === undefined ? null : on;
}

export function write(form, value, parts) {
  checkValues(every(form, parts.option), typeof value === "string" ? [value] : []);
}
