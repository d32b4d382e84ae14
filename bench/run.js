'use strict';
/**
 * `npm run bench`: JSON lines on stdout, each measured against a baseline taken in the same run.
 *  - core: analyseWorkbook and planWorkbook on synthetic tables of 100 … 100,000 leaf rows (the analysis
 *    alone as analyseOnlyMs); ms, ms per 1,000 leaves,
 *    and the per-leaf cost relative to the 1,000-row table (linear growth keeps it near 1); the same
 *    rows as 100 tables of 1,000 (input read from memory, as a big table's is); the fitted growth exponent.
 *  - workbooks: `cchc`'s read + score of 250 generated commune workbooks against ExcelJS merely
 *    loading the same files; each side runs in its own child process (peak RSS per side), alternated.
 *  - consolidate-250: `cchc consolidate DIR --out TONG-HOP.xlsx` on the same 250 files (read, analyse,
 *    rank, write the ranking workbook) against the same ExcelJS load, in the same alternation.
 *  - add-in (bench/addin.js): syncs and bytes per recalculation, pane and commands bundle sizes.
 *  - hostile (bench/hostile.js): `cchc score` on each hostile file; ms, peak RSS, exit, within 5 s / 300 MB.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function median(values) {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCore(leaves, tables) {
  return JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'coreWorker.js'), String(leaves), String(tables || 1)], { encoding: 'utf8' }));
}

/** Least-squares slope of log(time) against log(leaves): 1 is linear growth, 2 quadratic. */
function growthExponent(points) {
  const xs = points.map((p) => Math.log(p.leaves));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) * (xs[i] - mx);
  }
  return num / den;
}

function benchCore() {
  const sizes = [100, 1000, 10000, 100000];
  const results = sizes.map((n) => timeCore(n));
  const base = results[1].medianMs / 1000;
  for (const r of results) {
    // ms: analysis and plan (what a writer pays, comparable with older commits); analyseOnlyMs: what a reader pays.
    console.log(
      JSON.stringify({
        bench: 'core',
        leaves: r.leaves,
        ms: +r.medianMs.toFixed(2),
        analyseOnlyMs: r.analyseOnlyMedianMs === undefined ? undefined : +r.analyseOnlyMedianMs.toFixed(2),
        minMs: +r.minMs.toFixed(2),
        runs: r.runs,
        msPer1000Leaves: +((r.medianMs / r.leaves) * 1000).toFixed(3),
        perLeafVs1000: +(r.medianMs / r.leaves / base).toFixed(2),
        targetMs: r.leaves === 10000 ? 50 : undefined,
      }),
    );
  }
  // Same rows as the 100,000-leaf table, as 100 tables of 1,000. The 1,000-leaf line analyses one grid
  // over and over, so its input stays in the CPU cache; here, as with a big table, the input is read
  // from memory, which separates the cost of a table's size from the cost of reading its input.
  const control = timeCore(1000, 100);
  const big = results[3];
  console.log(
    JSON.stringify({
      bench: 'core-cache-control',
      tables: 100,
      leavesEach: 1000,
      ms: +control.medianMs.toFixed(2),
      msPer1000Leaves: +((control.medianMs / control.leaves) * 1000).toFixed(3),
      perLeafVs1000: +(control.medianMs / control.leaves / base).toFixed(2),
    }),
  );
  console.log(
    JSON.stringify({
      bench: 'core-growth',
      exponent: +growthExponent(results.map((r) => ({ leaves: r.leaves, ms: r.medianMs }))).toFixed(3),
      exponent1000To100000: +(Math.log(big.medianMs / results[1].medianMs) / Math.log(100)).toFixed(3),
      perLeaf100000Vs1000: +(big.medianMs / big.leaves / base).toFixed(2),
      perLeaf100000VsSameRowsAs1000s: +(big.medianMs / control.medianMs).toFixed(2),
      target: 'exponent 1 (linear)',
    }),
  );
  // Past the sizes asked for: a table twice as big costs the same per leaf once both outgrow the CPU cache.
  const twice = timeCore(200000);
  console.log(
    JSON.stringify({
      bench: 'core-beyond',
      leaves: twice.leaves,
      ms: +twice.medianMs.toFixed(2),
      perLeafVs100000: +(twice.medianMs / twice.leaves / (big.medianMs / big.leaves)).toFixed(2),
      perLeafVs1000: +(twice.medianMs / twice.leaves / base).toFixed(2),
    }),
  );
}

async function benchWorkbooks() {
  const count = Number(process.env.BENCH_WORKBOOKS || 250);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-'));
  try {
    const { writeCommuneWorkbooks } = require('./communeWorkbooks');
    await writeCommuneWorkbooks(dir, count);
    const worker = path.join(__dirname, 'workbookWorker.js');
    const run = (mode) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', worker, mode, dir], { encoding: 'utf8' }));
    const load = [];
    const score = [];
    const consolidated = [];
    for (let i = 0; i < 3; i++) {
      load.push(run('load'));
      score.push(run('score'));
      consolidated.push(run('consolidate'));
    }
    const loadMs = median(load.map((r) => r.ms));
    const scoreMs = median(score.map((r) => r.ms));
    const loadPeak = Math.max(...load.map((r) => r.peakRssMB));
    console.log(
      JSON.stringify({
        bench: 'workbooks',
        files: count,
        exceljsLoadMs: Math.round(loadMs),
        cchcReadAndScoreMs: Math.round(scoreMs),
        ratio: +(scoreMs / loadMs).toFixed(3),
        target: 1.15,
        exceljsPeakRssMB: loadPeak,
        cchcPeakRssMB: Math.max(...score.map((r) => r.peakRssMB)),
        flags: score[0].flags,
      }),
    );
    // `cchc consolidate DIR --out TONG-HOP.xlsx` on the same files: read, analyse, rank, write the ranking workbook.
    const consolidateMs = median(consolidated.map((r) => r.ms));
    const consolidatePeak = Math.max(...consolidated.map((r) => r.peakRssMB));
    console.log(
      JSON.stringify({
        bench: 'consolidate-' + count,
        files: count,
        exceljsLoadMs: Math.round(loadMs),
        cchcConsolidateMs: Math.round(consolidateMs),
        ratio: +(consolidateMs / loadMs).toFixed(3),
        target: 1.2,
        exceljsPeakRssMB: loadPeak,
        cchcPeakRssMB: consolidatePeak,
        memoryRatio: +(consolidatePeak / loadPeak).toFixed(3),
        communes: consolidated[0].communes,
        failed: consolidated[0].failed,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The core at 10,000 leaves against the core of an earlier commit (CCHC_BENCH_BASELINE, default the last
 * commit before reading tables by inference), built from git into a temporary folder and run alternately
 * with today's, so both share the machine's load of the moment.
 */
function benchCoreAgainstBaseline() {
  const commit = process.env.CCHC_BENCH_BASELINE || '8df33e6';
  const root = path.join(__dirname, '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-baseline-'));
  try {
    execFileSync('sh', ['-c', 'git archive ' + commit + ' src tsconfig.cli.json tsconfig.json package.json | tar -x -C "' + dir + '"'], { cwd: root, stdio: 'ignore' });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: dir, stdio: 'ignore' });
    fs.mkdirSync(path.join(dir, 'bench'));
    for (const file of ['coreWorker.js', 'syntheticTable.js']) fs.copyFileSync(path.join(__dirname, file), path.join(dir, 'bench', file));
    const now = [];
    const before = [];
    for (let i = 0; i < 3; i++) {
      before.push(JSON.parse(execFileSync(process.execPath, [path.join(dir, 'bench', 'coreWorker.js'), '10000'], { encoding: 'utf8' })).medianMs);
      now.push(timeCore(10000).medianMs);
    }
    const ms = median(now);
    const baselineMs = median(before);
    console.log(
      JSON.stringify({ bench: 'core-vs-baseline', leaves: 10000, baseline: commit, ms: +ms.toFixed(2), baselineMs: +baselineMs.toFixed(2), ratio: +(ms / baselineMs).toFixed(3), target: 1.2 }),
    );
  } catch (error) {
    console.log(JSON.stringify({ bench: 'core-vs-baseline', skipped: 'baseline ' + commit + ' could not be built: ' + String(error.message || error).split('\n')[0] }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(async () => {
  benchCore();
  benchCoreAgainstBaseline();
  await benchWorkbooks();
  const { benchSyncs, benchSizes } = require('./addin');
  await benchSyncs();
  benchSizes();
  await require('./hostile').benchHostile();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
