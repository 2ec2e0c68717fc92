/**
 * Reading JSON by the course's rules, as exercises/versioned_json.py does (site data
 * `json`): a file's bytes must be UTF-8 (one leading byte-order mark is dropped); a
 * number is read by its value (4.0 is the whole number 4, as JSON.parse reads it anyway);
 * a number beyond a 64-bit float's range is refused; arrays and objects nest at most
 * `maxDepth` deep.
 */
import { CourseError } from "./errors.js";

/** The text of a file's bytes, or a CourseError when they are not UTF-8. */
export function decodeText(bytes) {
  try {
    // fatal: bad bytes are an error, not U+FFFD; the decoder drops one leading BOM.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CourseError("it is not a text file (its bytes are not UTF-8).");
  }
}

/** Why a parsed value breaks the rules ("deep" or "number"), or null when it keeps them. */
export function shapeProblem(root, rules) {
  const stack = [[root, 1]];
  while (stack.length) {
    const [value, level] = stack.pop();
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return "number";
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (level > rules.maxDepth) return "deep";
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      stack.push([child, level + 1]);
    }
  }
  return null;
}

/**
 * The value of JSON text, or a CourseError whose `problem` says why not: "json" (not
 * JSON), "deep" (nested too deeply) or "number" (a number too large to read).
 */
export function readJson(text, rules) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw Object.assign(new CourseError("it is not valid JSON."), {
      problem: err instanceof RangeError ? "deep" : "json",
    });
  }
  const problem = shapeProblem(value, rules);
  if (problem) {
    throw Object.assign(new CourseError(`it is too deep or too large to read.`), { problem });
  }
  return value;
}
