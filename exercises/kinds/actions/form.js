/** `actions` on the website: rows of what, who and by when (contract: form.json). */
export { enhance, read, show, write } from "../rows.js";
