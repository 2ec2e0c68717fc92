/** `position` on the website: a point on two axes, drawn on the chart (contract: form.json). */
import { checkValues, checkedValues, every, one } from "../form-parts.js";

/** What the status line says while only one axis is chosen. */
export const incomplete = "Choose a place on both scales to save your position.";

/** {x, y}; null when nothing is chosen; undefined for half a point (nothing to save yet). */
export function read(form, parts) {
  const [x] = checkedValues(every(form, parts.x));
  const [y] = checkedValues(every(form, parts.y));
  if (x === undefined && y === undefined) return null;
  if (x === undefined || y === undefined) return undefined;
  return { x: Number(x), y: Number(y) };
}

export function write(form, value, parts) {
  const point = value && typeof value === "object" ? value : null;
  checkValues(every(form, parts.x), point ? [String(point.x)] : []);
  checkValues(every(form, parts.y), point ? [String(point.y)] : []);
}

/** Draw the point (or none) and say where it is, in the caption and the picture's label. */
export function show(form, value, parts) {
  const chart = one(form, parts.chart);
  const caption = one(form, parts.caption);
  if (!chart.dataset.empty) chart.dataset.empty = caption.textContent;
  const marks = JSON.parse(chart.dataset.marks);
  const key = value ? `${value.x},${value.y}` : "";
  const mark = Object.hasOwn(marks, key) ? marks[key] : null;
  const words = mark ? mark[1] : chart.dataset.empty;
  one(form, parts.point).innerHTML = mark ? mark[0] : "";
  one(form, parts.svg).setAttribute("aria-label", words);
  one(form, parts.title).textContent = words;
  caption.textContent = words;
}
