// ESLint for the course's own browser scripts (book/_static/*.js, and the one the form view
// gets from exercises/widgets/), their unit tests, and the build's Node.js script
// (book/_ext/builder_trace.mjs).
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
    files: ["tests/js/**/*.mjs", "book/_ext/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
