// The website's import and share previews, in words, for tests/test_wording.py: reads a
// JSON batch {data, imports: [{ours, file, now}], shares: [{answers, cohort, nickname,
// chosen}]} from the file named on the command line and prints what the website's panel
// would say for each, as JSON.
import { readFileSync } from "node:fs";
import { previewWords } from "../../book/_scripts/panel-import.js";
import { shareWords } from "../../book/_scripts/panel-share.js";
import { previewImport } from "../../book/_scripts/preview.js";
import { buildShare } from "../../book/_scripts/share.js";
import { readWorkbook } from "../../book/_scripts/workbook.js";

const batch = JSON.parse(readFileSync(process.argv[2], "utf8"));
const data = batch.data;
const imports = batch.imports.map(({ ours, file, now }) => {
  const read = readWorkbook(file, data);
  const plan = previewImport(ours, read.answers, data, Date.parse(now), read.damaged);
  return previewWords(plan, ours, read.answers, data);
});
const shares = batch.shares.map(({ answers, cohort, nickname, chosen }) => {
  const share = buildShare(answers, data, cohort, nickname, chosen);
  return shareWords(share, answers, chosen, data);
});
process.stdout.write(JSON.stringify({ imports, shares }));
