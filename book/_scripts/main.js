/*
 * Course answers on this device: the website's answer script.
 *
 * Progressive enhancement for the course website: every exercise is a plain HTML form
 * (exercises/static_form.py); this script keeps its answer in this browser's storage,
 * shows when it was saved, answers knowledge checks back, draws positions, adds and
 * removes list rows, and runs the "Your answers on this device" panel (download, load,
 * share, remove). It makes no network request of any kind.
 *
 * The rules come from the Python package, written into the site by the book build as
 * window.COURSE_DATA (exercises/site.py). This file is the entry point: the book build
 * bundles it with the modules beside it and every kind's form reader
 * (exercises/kinds/<kind>/form.js) into _static/course-answers.js (book/_scripts/build.mjs).
 */
import { common, kinds } from "course:kinds";
import { CourseError } from "./errors.js";
import { decodeText } from "./json.js";
import { kindTable } from "./kinds.js";
import { start } from "./page.js";
import { previewImport } from "./preview.js";
import { canonical, isEmpty, validate } from "./rules.js";
import { buildShare, newNickname, shareFileText, usableAnswers } from "./share.js";
import { Store } from "./store.js";
import { compareTimes, isDate, nowIso, parseTime } from "./time.js";
import { dumpWorkbook, parseWorkbook } from "./workbook.js";

const root = globalThis;
const table = kindTable(kinds);
const rule = () => (root.COURSE_DATA ? root.COURSE_DATA.time : undefined);

root.CourseAnswers = {
  CourseError,
  Store,
  buildShare,
  canonical,
  compareTimes: (a, b, timeRule = rule()) => compareTimes(a, b, timeRule),
  decodeText,
  dumpWorkbook,
  isDate,
  isEmpty,
  kinds: table,
  newNickname,
  nowIso,
  parseTime: (text, timeRule = rule()) => parseTime(text, timeRule),
  parseWorkbook,
  previewImport,
  shareFileText,
  start: (doc, win) => start(doc, win, table, common),
  usableAnswers,
  validate,
};

if (root.document && root.COURSE_DATA) root.CourseAnswers.start(root.document, root);
