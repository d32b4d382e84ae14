/* Three jest projects, one run (`npm test` = typecheck + all three; CI runs that through .ci/run):
 *   unit  in-process tests only: no Chromium, no webpack, no LibreOffice, no built dist/, no run of
 *         the `cchc` binary (`npm run test:unit`, the tier to run while working);
 *   cli   what needs the built command line (dist/, built once per run by test/globalSetup.js) or
 *         another program: test/cli, and every test file elsewhere that runs bin/cchc.js, loads dist/
 *         (bench/communeWorkbooks.js), runs webpack or LibreOffice (`npm run test:cli`);
 *   e2e   test/e2e: Chromium over the production bundles, which test/setup/e2eGlobalSetup.js builds
 *         once per run for every suite (`npm run test:e2e`).
 * Which files are "cli" outside test/cli is decided by what they contain (HEAVY below), so a new
 * test that spawns the binary or soffice lands in the right tier by itself.
 * `npx jest path/to/file.test.ts` runs one file in its project (with that project's setup only). */
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const TEST = path.join(ROOT, 'test');

/** What makes a test file more than a unit test: the built binary or dist/, webpack, LibreOffice. */
const HEAVY = /bin['"], ['"]cchc|bin\/cchc|['"]dist['"]|\bdist\/|communeWorkbooks|from 'webpack'|require\(['"]webpack['"]\)|webpack\.config|webpack\.commands|findSoffice|libreOfficeConvert|runLibreOffice/;

function testFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') out.push(...testFiles(full));
    } else if (entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const inDir = (file, dir) => file.startsWith(path.join(TEST, dir) + path.sep);
const all = testFiles(TEST);
const e2e = all.filter((f) => inDir(f, 'e2e'));
const cli = all.filter((f) => !inDir(f, 'e2e') && (inDir(f, 'cli') || HEAVY.test(fs.readFileSync(f, 'utf8'))));
const escape = (f) => '^' + f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$';

const common = {
  rootDir: ROOT,
  roots: ['<rootDir>/test'],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  // Per test; the end-to-end and LibreOffice suites give their own, longer, to their beforeAll.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', ...cli.map(escape)],
    },
    {
      ...common,
      displayName: 'cli',
      // Listed files, not a pattern: the content decides, see HEAVY.
      testMatch: cli.map((f) => '<rootDir>/' + path.relative(ROOT, f).split(path.sep).join('/')),
      globalSetup: '<rootDir>/test/globalSetup.js',
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/test/setup/e2eGlobalSetup.js',
      globalTeardown: '<rootDir>/test/setup/e2eGlobalTeardown.js',
      setupFilesAfterEnv: ['<rootDir>/test/setup/e2eAfterEnv.ts'],
    },
  ],
};
