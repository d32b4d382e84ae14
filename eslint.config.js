/* ESLint 9 flat config. The Office.js code (src/excel, src/commands) follows the load/sync
 * discipline checked by eslint-plugin-office-addins: its recommended office-addins rules, as errors
 * where the plugin says so. (The plugin's full recommended preset also enforces prettier formatting
 * and the browser React rules, which this project does not adopt.) Run by test/excel/lint.test.ts. */
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

const recommended = [].concat(officeAddins.configs.recommended || []);
const officeRules = {};
for (const config of recommended) {
  const rules = (config && config.rules) || {};
  for (const name of Object.keys(rules)) if (name.indexOf('office-addins/') === 0) officeRules[name] = rules[name];
}

module.exports = [
  {
    files: ['src/excel/**/*.ts', 'src/commands/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2019, sourceType: 'module' },
    plugins: { 'office-addins': officeAddins, '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: Object.assign({}, officeRules, {
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }],
    }),
  },
];
