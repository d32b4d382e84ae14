/* The production bundles the end-to-end suites serve, built once per jest run (by the e2e project's
 * globalSetup) instead of once per suite:
 *   web/    the project's webpack config with only=taskpane,commands in production mode: the union of
 *           what the suites build (buildPane() builds only=taskpane; inOffice, lightPane and
 *           tableReading build only=taskpane,commands);
 *   stubs/  each Office stub page script (test/e2e/fixtures/officeStub*.ts) as one file.
 * Its folder is passed to the test workers in CCHC_E2E_BUILD; test/e2e/harness.ts (runWebpack,
 * buildPane, buildOfficeStub) copies from it whatever it is asked to build that is there, and builds
 * the rest (or everything, when the variable is not set) as before. */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/e2e/fixtures');
const ENV = 'CCHC_E2E_BUILD';
/** What the web/ folder holds: the names of the project's webpack configs built into it. */
const PROJECT_ONLY = 'taskpane,commands';

/** The webpack config of one stub page script, exactly as the suites write it. */
function stubConfig(entries, outDir) {
  return {
    mode: 'production',
    target: ['web', 'es2017'],
    entry: entries,
    output: { path: outDir, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(ROOT, 'tsconfig.taskpane.json'), transpileOnly: true } }] },
    devtool: false,
    performance: { hints: false },
  };
}

function runWebpack(config) {
  const webpack = require('webpack');
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats && stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

/** Builds everything into a fresh temporary folder; returns it (and its manifest.json says what is where). */
async function buildAll() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-build-'));
  const web = path.join(dir, 'web');
  const stubs = path.join(dir, 'stubs');
  const entries = {};
  const manifest = { mode: 'production', project: { only: PROJECT_ONLY.split(','), dir: 'web' }, entries: {} };
  for (const name of fs.readdirSync(FIXTURES)) {
    if (!/^officeStub.*\.ts$/.test(name)) continue;
    const key = name.replace(/\.ts$/, '');
    entries[key] = path.join(FIXTURES, name);
    manifest.entries[entries[key]] = 'stubs/' + key + '.js';
  }
  const projectConfig = require(path.join(ROOT, 'webpack.config.js'))({ outDir: web, only: PROJECT_ONLY }, { mode: 'production' });
  // One multi-compiler run: the pane, the ES5 commands and the stubs together.
  await runWebpack([].concat(projectConfig, stubConfig(entries, stubs)));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

/** The run's build folder and its manifest, or null (not set, or gone). */
function runBuild() {
  const dir = process.env[ENV];
  if (!dir) return null;
  try {
    return { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
  } catch (e) {
    return null;
  }
}

/**
 * Serves a webpack build from the run's build when every config in it was built there: copies the
 * files into each config's output.path and returns true; false when any config is not (then
 * nothing is copied and the caller runs webpack).
 */
function copyFromRunBuild(configOrConfigs) {
  const run = runBuild();
  if (!run) return false;
  const configs = [].concat(configOrConfigs);
  const copies = [];
  for (const c of configs) {
    if (!c || (c.mode || 'production') !== run.manifest.mode || !c.output || !c.output.path) return false;
    if (c.name && run.manifest.project.only.indexOf(c.name) >= 0) {
      copies.push(() => copyDir(path.join(run.dir, run.manifest.project.dir), c.output.path));
      continue;
    }
    const entry = c.entry;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry) || typeof c.output.filename !== 'string') return false;
    for (const name of Object.keys(entry)) {
      const file = typeof entry[name] === 'string' ? path.resolve(entry[name]) : null;
      const built = file && run.manifest.entries[file];
      if (!built) return false;
      const target = path.join(c.output.path, c.output.filename.replace('[name]', name));
      copies.push(() => {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(path.join(run.dir, built), target);
      });
    }
  }
  for (const copy of copies) copy();
  return true;
}

module.exports = { ENV, PROJECT_ONLY, buildAll, copyFromRunBuild, runBuild, stubConfig };
