/**
 * Times in the course's files, by the one rule of exercises/timefmt.py: the site data's
 * `time.pattern` gives the form (RFC 3339 with T, seconds and a zone), and the day must
 * exist in a year from 1 to 9999. Times compare to the microsecond, as in Python.
 */

const patterns = new Map();

function compiled(rule) {
  if (!rule || typeof rule.pattern !== "string") {
    throw new Error("The time rule (COURSE_DATA.time) is missing.");
  }
  if (!patterns.has(rule.pattern)) patterns.set(rule.pattern, new RegExp(rule.pattern));
  return patterns.get(rule.pattern);
}

function isLeap(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1 to 12) of a proleptic Gregorian year. */
export function daysInMonth(year, month) {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to a date (H. Hinnant's days_from_civil), exact for any year. */
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** True for a real calendar day written YYYY-MM-DD (year 1 to 9999), as Python's date. */
export function isDate(text) {
  const m = typeof text === "string" ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A time's instant as {ms, micro}: milliseconds since 1970 (a whole number) and the
 * microseconds past them (0 to 999); null when the text is not a time by the rule.
 */
export function timeParts(text, rule) {
  const pattern = compiled(rule);
  if (typeof text !== "string" || text.length > rule.maxChars) return null;
  const m = pattern.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (year < 1 || day > daysInMonth(year, month)) return null;
  const digits = `${m[7] || ""}000000`;
  const offset = m[8] === "Z" ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const seconds =
    daysFromCivil(year, month, day) * 86400 + hour * 3600 + (minute - offset) * 60 + second;
  return { ms: seconds * 1000 + Number(digits.slice(0, 3)), micro: Number(digits.slice(3, 6)) };
}

/** Milliseconds since 1970 for a time by the rule (microseconds dropped), else NaN. */
export function parseTime(text, rule) {
  const parts = timeParts(text, rule);
  return parts ? parts.ms : NaN;
}

/** -1, 0 or 1 as time `a` is before, the same instant as, or after `b` (both valid). */
export function compareTimes(a, b, rule) {
  const x = timeParts(a, rule);
  const y = timeParts(b, rule);
  if (!x || !y) throw new Error("compareTimes needs two valid times.");
  if (x.ms !== y.ms) return x.ms < y.ms ? -1 : 1;
  return Math.sign(x.micro - y.micro);
}

/** -1, 0 or 1 as a valid time is before, at or after a moment in milliseconds. */
export function compareToMs(text, ms, rule) {
  const x = timeParts(text, rule);
  if (x.ms !== ms) return x.ms < ms ? -1 : 1;
  return x.micro > 0 ? 1 : 0;
}

/** A moment as the course writes times: 2026-11-26T14:32:05.123Z. */
export function nowIso(now = Date.now()) {
  return new Date(now).toISOString();
}
