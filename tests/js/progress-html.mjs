// Helper for tests/test_builder_progress.py: prints the capstone script's progress view for
// the course data and answers in the JSON file named on the command line.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const capstone = require("../../book/_static/course-capstone.js");
const answers = require("../../book/_static/course-answers.js");

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const check = { validate: answers.validate, isEmpty: answers.isEmpty };
process.stdout.write(capstone.progressHtml(job.data, job.answers, check, job.day));
