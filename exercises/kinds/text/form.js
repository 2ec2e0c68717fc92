/** `text` on the website: the value is the text box's text (contract: form.json). */
import { one } from "../form-parts.js";

export function read(form, parts) {
  return one(form, parts.answer).value;
}

export function write(form, value, parts) {
  one(form, parts.answer).value = typeof value === "string" ? value : "";
}
