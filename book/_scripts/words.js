/** How the page words times, counts and titles, and its status lines. */
import { isEmpty } from "./rules.js";
import { parseTime } from "./time.js";

/** A saved time's clock in the learner's time zone: 14:32. */
export function clockTime(iso, rule) {
  return new Date(parseTime(iso, rule)).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** A saved time's day and clock: 26 November 2026, 14:32. */
export function dayAndTime(iso, rule) {
  const when = new Date(parseTime(iso, rule));
  const day = when.toLocaleDateString([], { day: "numeric", month: "long", year: "numeric" });
  return `${day}, ${clockTime(iso, rule)}`;
}

/** Today as YYYY-MM-DD (for file names). */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** "3 answers", "1 answer": a count with its word. */
export function counted(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The sentence under "Your answers on this device". */
export function countText(answers) {
  const n = Object.values(answers).filter((a) => !isEmpty(a.value)).length;
  return n === 1
    ? "This browser keeps 1 answer for this course."
    : `This browser keeps ${n} answers for this course.`;
}

/** Set a status line (`problem` marks it as a problem, in words and style). */
export function statusLine(line, text, problem = false) {
  line.replaceChildren(text);
  line.classList.toggle("course-problem", problem);
  return line;
}
