/** `list` on the website: rows under the prompt's own columns (contract: form.json). */
export { enhance, read, show, write } from "../rows.js";
