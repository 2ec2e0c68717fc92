/** `quiz` on the website: a choice that answers back (contract: form.json). */
import { every, one } from "../form-parts.js";

export { read, write } from "../choice/form.js";

/** Show the chosen option's feedback (nothing when none is chosen). */
export function show(form, value, parts) {
  const chosen = every(form, parts.option).find((input) => input.value === value);
  one(form, parts.feedback).textContent = chosen ? chosen.dataset.feedback : "";
}
