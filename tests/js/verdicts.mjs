// The browser's verdicts for tests/test_site.py, which compares them with Python's.
// Reads JSON from the file named on the command line:
//   {data, values: [{schema, text}], times: [text], workbooks: [base64 bytes]}
// and prints, as JSON:
//   {values: [fits?], times: [null | [ms, micro]],
//    workbooks: [{ok: false, newer: bool} | {ok: true, answers: {id: {value, saved_at}}}]}
import { readFileSync } from "node:fs";
import { decodeText, readJson } from "../../book/_scripts/json.js";
import { validate } from "../../book/_scripts/rules.js";
import { timeParts } from "../../book/_scripts/time.js";
import { parseWorkbook } from "../../book/_scripts/workbook.js";

const batch = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const data = batch.data;

function valueVerdict({ schema, text }) {
  return validate(schema, readJson(text, data.json)) === null;
}

function timeVerdict(text) {
  const parts = timeParts(text, data.time);
  return parts ? [parts.ms, parts.micro] : null;
}

function workbookVerdict(base64) {
  try {
    const answers = parseWorkbook(decodeText(Buffer.from(base64, "base64")), data);
    return { ok: true, answers };
  } catch (err) {
    if (err.constructor.name !== "CourseError") throw err; // only plain refusals count
    return { ok: false, newer: Boolean(err.newer) };
  }
}

process.stdout.write(
  JSON.stringify({
    values: (batch.values || []).map(valueVerdict),
    times: (batch.times || []).map(timeVerdict),
    workbooks: (batch.workbooks || []).map(workbookVerdict),
  }),
);
