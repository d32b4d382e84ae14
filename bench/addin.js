'use strict';
/**
 * Add-in part of `npm run bench` (JSON lines):
 *  - syncs and request bytes per recalculation through the real Office.js gateway and the in-memory
 *    Excel fake, at 100, 1,000 and 10,000 leaf rows: the first run in a document the add-in has never
 *    seen (one scoring sheet; and with a second sheet, which the first read reaches in the same sync
 *    from ExcelApi 1.5 and only in a second sync below) and the steady state;
 *  - gzipped JavaScript a user's pane loads first (Excel: bootstrap + pane + Excel host chunk;
 *    browser mode: bootstrap + pane), the commands bundle, and what the standalone page fetches before
 *    the sample's first result (`standalone-first-result`: no ExcelJS, which comes at the first write),
 *    against the target (Microsoft's empty React template, 165 KB) and an empty Fluent pane built in this run;
 *    `withinBudget` says whether the first load in Excel holds the budget (165,188 B gz).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { syntheticSheet } = require('./syntheticTable');

const ROOT = path.join(__dirname, '..');
const TEMPLATE_PANE_GZIP_KB = 165;
/** The first load in Excel (bootstrap + pane + Excel host chunk) must stay at or under this, in gzipped bytes. */
const EXCEL_FIRST_LOAD_BUDGET_BYTES = 165188;

async function benchSyncs() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.bench.json')], { stdio: 'inherit' });
  const out = path.join(ROOT, 'dist', 'bench');
  const { analyseWorkbook } = require(path.join(out, 'src/core/analyse.js'));
  const { planWorkbook } = require(path.join(out, 'src/core/plan/planWorkbook.js'));
  const { buildSheetRules } = require(path.join(out, 'src/core/plan/sheetRules.js'));
  const { createExcelHost } = require(path.join(out, 'src/excel/officeGateway.js'));
  const { installFakeOffice, fakeInitFromGrid } = require(path.join(out, 'test/helpers/fakeExcel/index.js'));
  /** One recalculation: read, plan, write; syncs and request bytes of each half. */
  async function recalculate(host, fake) {
    fake.resetCounters();
    const grid = await host.readWorkbook();
    const readSyncs = fake.syncCount();
    const readBytes = fake.syncLog.reduce((s, r) => s + r.bytes, 0);
    const analysis = analyseWorkbook(grid);
    const plan = planWorkbook(analysis, grid, 'vi');
    fake.resetCounters();
    // As every button writes: with the sheet rules (validations, formula highlights) where the level has them.
    await host.applyPlan(plan, { highlights: true, sheetRules: { analysis, lang: 'vi', build: buildSheetRules } });
    const writeSyncs = fake.syncCount();
    return { syncs: readSyncs + writeSyncs, readSyncs, readBytes, writeSyncs, writeBytes: fake.syncLog.reduce((s, r) => s + r.bytes, 0), maxSyncBytes: fake.maxPayload(), writes: plan.writes.length };
  }
  for (const level of ['1.1', '1.8', '1.20']) {
    for (const leaves of [100, 1000, 10000]) {
      const g = {};
      const fake = installFakeOffice(g, fakeInitFromGrid(syntheticSheet(leaves)), { apiLevel: level });
      const host = createExcelHost({ globals: g });
      const first = await recalculate(host, fake);
      // Steady state: the same document again after reverting the first write, names known to the host.
      await host.revertLastWrite();
      const later = await recalculate(host, fake);
      // The same scoring sheet with a second one (a small table) in a new document: from 1.5 the first
      // read walks both with the names; below, it takes the active sheet, then the other in one more sync.
      const g2 = {};
      const two = syntheticSheet(leaves);
      two.sheets.push({ name: 'Phụ lục 2', rows: syntheticSheet(100).sheets[0].rows });
      const fake2 = installFakeOffice(g2, fakeInitFromGrid(two), { apiLevel: level });
      const withAnotherSheet = await recalculate(createExcelHost({ globals: g2 }), fake2);
      console.log(
        JSON.stringify({
          bench: 'office-syncs',
          apiLevel: level,
          leaves,
          firstRunInNewDocument: first,
          firstRunInNewDocumentWithAnotherSheet: withAnotherSheet,
          later,
          targetSyncs: 2,
          firstRunWithinTarget: first.syncs <= 2,
          firstRunWithAnotherSheetWithinTarget: withAnotherSheet.syncs <= 2,
        }),
      );
    }
  }
}

function gz(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function kb(bytes) {
  return +(bytes / 1024).toFixed(1);
}

function benchSizes() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-web-'));
  try {
    const webpack = require.resolve('webpack-cli/bin/cli.js');
    const statsFile = path.join(os.tmpdir(), 'cchc-bench-stats-' + process.pid + '.json');
    execFileSync(process.execPath, [webpack, '--mode', 'production', '--env', 'only=taskpane,commands', '--env', 'outDir=' + dir, '--json=' + statsFile], { cwd: ROOT, stdio: 'ignore' });
    const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    fs.rmSync(statsFile, { force: true });
    const paneStats = (stats.children || [stats]).find((c) => c.namedChunkGroups && c.namedChunkGroups['browser-host']);
    const groupFiles = (name) => paneStats.namedChunkGroups[name].assets.map((a) => (typeof a === 'string' ? a : a.name)).filter((f) => /\.js$/.test(f));
    const emptyDir = path.join(dir, 'empty');
    const base = require(path.join(ROOT, 'webpack.config.js')).taskpaneConfig({ outDir: emptyDir }, { mode: 'production' });
    base.entry = { empty: path.join(__dirname, 'emptyPane', 'index.tsx') };
    base.plugins = [];
    const cfgFile = path.join(dir, 'empty.config.js');
    fs.writeFileSync(cfgFile, 'module.exports = ' + JSON.stringify({ entry: base.entry, output: { path: emptyDir } }) + ';');
    execFileSync(
      process.execPath,
      [
        '-e',
        `
      const webpack = require(${JSON.stringify(require.resolve('webpack'))});
      const cfg = require(${JSON.stringify(path.join(ROOT, 'webpack.config.js'))}).taskpaneConfig({ outDir: ${JSON.stringify(emptyDir)} }, { mode: 'production' });
      cfg.entry = { empty: ${JSON.stringify(path.join(__dirname, 'emptyPane', 'index.tsx'))} };
      cfg.plugins = [];
      cfg.context = ${JSON.stringify(ROOT)};
      webpack(cfg, (err, stats) => { if (err || stats.hasErrors()) { console.error(err || stats.toString('errors-only')); process.exit(1); } });
    `,
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const files = fs.readdirSync(dir);
    const chunk = (prefix) => files.find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    const pane = gz(path.join(dir, 'taskpane.js'));
    const bootstrap = gz(path.join(dir, 'bootstrap.js'));
    // The Excel host's whole chunk group: a chunk it shares with another lazy chunk loads with it.
    const excelHost = groupFiles('excel-host').reduce((sum, f) => sum + gz(path.join(dir, f)), 0);
    const empty = gz(path.join(emptyDir, 'empty.js'));
    const paneSource = fs.readFileSync(path.join(dir, 'taskpane.js'), 'utf8');
    // ExcelJS's own internals, not the chunk's name that the loader mentions.
    const excelInPane = /WorkbookXform|sharedStrings\.xml/.test(paneSource);
    const inExcel = bootstrap + pane + excelHost;
    // The standalone page (standalone.html loads taskpane.js alone) shows the sample's first result once
    // the browser host's chunk group has arrived: what it fetches before that, and whether ExcelJS is in it.
    const standaloneFiles = ['taskpane.js'].concat(groupFiles('browser-host'));
    const standalone = standaloneFiles.reduce((sum, f) => sum + gz(path.join(dir, f)), 0);
    const exceljsBeforeFirstResult = standaloneFiles.some((f) => /^exceljs\./.test(f));
    console.log(
      JSON.stringify({
        bench: 'pane-size',
        gzipKB: {
          excelInitial: kb(inExcel),
          browserInitial: kb(bootstrap + pane),
          paneBundle: kb(pane),
          excelHostChunk: kb(excelHost),
          exceljsChunk: kb(gz(path.join(dir, chunk('exceljs')))),
          commands: kb(gz(path.join(dir, 'commands.js'))),
          lightPane: kb(gz(path.join(dir, 'lightpane.js'))),
        },
        emptyFluentPaneKB: kb(empty),
        vsEmptyFluentPane: +(inExcel / empty).toFixed(2),
        targetKB: TEMPLATE_PANE_GZIP_KB,
        vsTarget: +(kb(inExcel) / TEMPLATE_PANE_GZIP_KB).toFixed(2),
        exceljsInInitialPane: excelInPane,
        excelInitialBytes: inExcel,
        budgetBytes: EXCEL_FIRST_LOAD_BUDGET_BYTES,
        withinBudget: inExcel <= EXCEL_FIRST_LOAD_BUDGET_BYTES,
        budgetMarginBytes: EXCEL_FIRST_LOAD_BUDGET_BYTES - inExcel,
      }),
    );
    console.log(
      JSON.stringify({
        bench: 'standalone-first-result',
        scripts: standaloneFiles,
        gzipBytes: standalone,
        exceljsBeforeFirstResult,
        budgetBytes: EXCEL_FIRST_LOAD_BUDGET_BYTES,
        withinBudget: standalone <= EXCEL_FIRST_LOAD_BUDGET_BYTES && !exceljsBeforeFirstResult,
        budgetMarginBytes: EXCEL_FIRST_LOAD_BUDGET_BYTES - standalone,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchSyncs, benchSizes };

if (require.main === module) {
  benchSyncs()
    .then(benchSizes)
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
