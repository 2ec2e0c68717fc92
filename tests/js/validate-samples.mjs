// Reads [{schema, value}, ...] as JSON from the file named on the command line and
// prints, as JSON, whether the website's validator accepts each value (tests/test_site.py).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { validate } = require("../../book/_static/course-answers.js");
const samples = JSON.parse(readFileSync(process.argv[2], "utf-8"));
process.stdout.write(JSON.stringify(samples.map((s) => validate(s.schema, s.value) === null)));
