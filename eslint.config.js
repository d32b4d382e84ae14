/* ESLint 9 flat config, over all of src (`npm run lint`; run by test/lint/lint.test.ts in the unit tier).
 *  1. typescript-eslint's recommended rules (syntax only, no type information: fast enough for the
 *     unit tier) on every TypeScript file;
 *  2. the Office.js code (src/excel, src/commands, src/lightpane) follows the load/sync discipline checked by
 *     eslint-plugin-office-addins: its recommended office-addins rules, as errors where the plugin says
 *     so (the plugin's full preset also enforces prettier and browser React rules; not adopted here);
 *  3. the layering (README "How it is built"), each direction proved by test/lint/layering.test.ts:
 *       src/core      imports no edge (excel, xlsx, taskpane, commands, cli, docx, app, lightpane)
 *                     and no package: the scoring core has no runtime dependency;
 *       src/excel  ↛  src/xlsx and src/xlsx ↛ src/excel: one gateway never reaches into the other;
 *       src/taskpane  reaches Office.js only through src/taskpane/host: elsewhere no import of
 *                     src/excel or an Office package, no reference to the globals Office, Excel,
 *                     OfficeExtension, OfficeRuntime;
 *       src/app       (use cases) no React, no Fluent UI, no Office.js, no gateway (excel, xlsx),
 *                     no edge (taskpane, commands, cli, lightpane);
 *       every edge    (cli, xlsx, excel, taskpane, commands, lightpane, app, docx) reaches src/core
 *                     only through its public entry points (CORE_ENTRY): `core` (index.ts),
 *                     `core/<folder>` (the folder's index.ts) or a top-level module `core/<name>`.
 * Rules that still fail in files being reworked are listed in TODO_WARN below: warnings there, so
 * `npm run lint` passes while they are fixed; everything else is an error. */
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

const officeRules = {};
for (const config of [].concat(officeAddins.configs.recommended || [])) {
  const rules = (config && config.rules) || {};
  for (const name of Object.keys(rules)) if (name.indexOf('office-addins/') === 0) officeRules[name] = rules[name];
}

// ---------------------------------------------------------------------------------------------
// Layering. Relative specifiers are matched by the folder they name after any number of `../`
// (src/<layer>/… is at most a few levels deep and no layer has a subfolder named like another layer).

const up = '^(\\.\\./)+';
const layer = (names) => up + '(' + names.join('|') + ')(/|$)';
const OFFICE_PACKAGES = '^(@microsoft/office-js|office-addin-mock|@types/office-js)(/|$)';
const OFFICE_GLOBAL_NAMES = ['Office', 'Excel', 'OfficeExtension', 'OfficeRuntime'];
const OFFICE_GLOBALS = OFFICE_GLOBAL_NAMES.map((name) => ({
  name,
  message: 'Office.js is reached only through a gateway (src/excel), which the pane loads in src/taskpane/host.',
}));

// The edges reach the core only through its public entry points: src/core/index.ts (`core`), a
// folder's index.ts (`core/messages`, `core/number`…) or a top-level module (`core/grid`,
// `core/host`, `core/errors`…): one level into src/core, never a file inside one of its folders.
const CORE_ENTRY = {
  regex: up + 'core/[^/]+/',
  message: 'The edges import the core only through its public entry points: core, core/<folder> (its index.ts) or a top-level module core/<name>; never a file inside a folder of src/core.',
};

const CORE = {
  patterns: [
    { regex: layer(['excel', 'xlsx', 'taskpane', 'commands', 'cli', 'docx', 'app', 'lightpane']), message: 'src/core imports no edge: the edges import the core.' },
    { regex: '^[^.]', message: 'src/core has no runtime dependency: plain TypeScript only.' },
  ],
};
const EXCEL = { patterns: [{ regex: layer(['xlsx']), message: 'The Office.js gateway (src/excel) never imports the file gateway (src/xlsx): share through src/core.' }, CORE_ENTRY] };
const XLSX = { patterns: [{ regex: layer(['excel']), message: 'The file gateway (src/xlsx) never imports the Office.js gateway (src/excel): share through src/core.' }, CORE_ENTRY] };
const EDGE = { patterns: [CORE_ENTRY] };
const TASKPANE = {
  patterns: [
    { regex: layer(['excel']), message: 'The pane reaches the Office.js gateway only through src/taskpane/host.' },
    { regex: OFFICE_PACKAGES, message: 'The pane reaches Office.js only through src/taskpane/host.' },
    CORE_ENTRY,
  ],
};
const APP = {
  patterns: [
    { regex: '^(react|react-dom|@fluentui)(/|$)', message: 'src/app (the use cases) uses no React and no Fluent UI.' },
    { regex: OFFICE_PACKAGES, message: 'src/app (the use cases) uses no Office.js.' },
    { regex: layer(['excel', 'xlsx']), message: 'src/app receives its gateway (a WorkbookHost), it never imports one.' },
    { regex: layer(['taskpane', 'commands', 'cli', 'lightpane']), message: 'src/app is below the edges: they import it, never the reverse.' },
    CORE_ENTRY,
  ],
};

/**
 * One layer's rules: its static imports and re-exports (no-restricted-imports), the same specifiers
 * in import() and require() (no-restricted-syntax: no-restricted-imports does not look at them),
 * and, where Office.js is not allowed, its globals.
 */
function layerRules(spec, noOfficeGlobals) {
  const specifiers = spec.patterns;
  // esquery regex literals cannot contain "/": written as \x2F.
  const selector = (regex) => '/' + regex.replace(/\//g, '\\x2F') + '/';
  const syntax = [];
  for (const s of specifiers) {
    syntax.push({ selector: 'ImportExpression > Literal.source[value=' + selector(s.regex) + ']', message: s.message });
    syntax.push({ selector: 'CallExpression[callee.name="require"] > Literal.arguments[value=' + selector(s.regex) + ']', message: s.message });
  }
  const rules = { 'no-restricted-imports': ['error', spec] };
  if (noOfficeGlobals) {
    rules['no-restricted-globals'] = ['error', ...OFFICE_GLOBALS];
    // Office.js types (Excel.Range…): type references are not globals to no-restricted-globals.
    syntax.push({ selector: 'TSQualifiedName[left.name=/^(' + OFFICE_GLOBAL_NAMES.join('|') + ')$/]', message: OFFICE_GLOBALS[0].message });
  }
  rules['no-restricted-syntax'] = ['error', ...syntax];
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Files other people are reworking now: the rules they still break are warnings there until they
// land (then delete the entry). `npm run lint -- --max-warnings 0` shows them.
const TODO_WARN = [];

const ts = ['**/*.ts', '**/*.tsx'];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/**/*.js', 'src/taskpane/pages/**'] },
  {
    files: ts.map((g) => 'src/' + g),
    extends: [tseslint.configs.recommended],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2019, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none', argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/excel/**/*.ts', 'src/commands/**/*.ts', 'src/lightpane/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  { files: ts.map((g) => 'src/core/' + g), rules: layerRules(CORE, true) },
  { files: ts.map((g) => 'src/excel/' + g), rules: layerRules(EXCEL, false) },
  { files: ts.map((g) => 'src/xlsx/' + g), rules: layerRules(XLSX, true) },
  { files: ts.map((g) => 'src/taskpane/' + g), ignores: ['src/taskpane/host/**'], rules: layerRules(TASKPANE, true) },
  { files: ts.map((g) => 'src/app/' + g), rules: layerRules(APP, true) },
  {
    files: ['src/cli', 'src/commands', 'src/lightpane', 'src/docx', 'src/taskpane/host'].reduce((all, dir) => all.concat(ts.map((g) => dir + '/' + g)), []),
    rules: layerRules(EDGE, false),
  },
  ...TODO_WARN,
);

module.exports.layering = { CORE, EXCEL, XLSX, TASKPANE, APP, EDGE };
