import { execFileSync } from 'child_process';
import * as path from 'path';

/**
 * The Office.js gateway is typed with @types/office-js: no `any` anywhere in src/excel (the surface the
 * compiler must check, and the API-set audit reads), inline eslint-disable comments ignored. ESLint runs
 * in its own process (it loads its parts with dynamic import, which jest's VM refuses).
 */
test('src/excel has no explicit any', () => {
  const root = path.resolve(__dirname, '../..');
  const script = `
    const { ESLint } = require('eslint');
    const tseslint = require('typescript-eslint');
    const eslint = new ESLint({
      cwd: ${JSON.stringify(root)},
      overrideConfigFile: true,
      overrideConfig: [{
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, ecmaVersion: 2019, sourceType: 'module' },
        plugins: { '@typescript-eslint': tseslint.plugin },
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        rules: { '@typescript-eslint/no-explicit-any': 'error' },
      }],
    });
    eslint.lintFiles(['src/excel/**/*.ts']).then((results) => {
      const found = [];
      for (const r of results) for (const m of r.messages) if (m.ruleId === '@typescript-eslint/no-explicit-any' || m.fatal) found.push(require('path').relative(${JSON.stringify(root)}, r.filePath) + ':' + m.line + ' ' + m.message);
      process.stdout.write(JSON.stringify({ files: results.length, found }));
    }, (e) => { console.error(e); process.exit(1); });`;
  const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
  expect(out.files).toBeGreaterThan(5);
  expect(out.found).toEqual([]);
}, 60000);
