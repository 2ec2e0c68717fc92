// Helper for tests/test_builder_progress.py: prints the capstone script's progress view for
// the course data and answers in the JSON file named on the command line.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isEmpty, validate } from "../../book/_scripts/rules.js";

const require = createRequire(import.meta.url);
const capstone = require("../../book/_static/course-capstone.js");

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const check = { validate, isEmpty };
process.stdout.write(capstone.progressHtml(job.data, job.answers, check, job.day));
