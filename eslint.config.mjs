// ESLint for the course's own browser scripts and their unit tests:
// - book/_static/*.js and exercises/widgets/*.js: classic scripts the pages load as they are;
// - book/_scripts/*.js and exercises/kinds/**/*.js: the answer script's ES modules, which
//   the book build bundles into _static/course-answers.js (book/_scripts/build.mjs);
// - book/_scripts/build.mjs, book/_ext/*.mjs (the build's Node.js scripts) and tests/js/: Node.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["book/_static/**/*.js", "exercises/widgets/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
  },
  {
    files: ["book/_scripts/**/*.js", "exercises/kinds/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["book/_scripts/**/*.mjs", "book/_ext/**/*.mjs", "tests/js/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
