'use strict';
/** One table size of the core bench, in its own process so no size inherits another's heap. */
const path = require('path');
const { syntheticSheet } = require('./syntheticTable');

const { analyseWorkbook } = require(path.join(__dirname, '..', 'dist', 'core', 'analyse.js'));
// Until issue 12 the plan was made inside analyseWorkbook; a writer now calls planWorkbook after it.
// Timed together, a figure means the same work in this tree and in an older baseline commit's.
let planWorkbook = null;
try {
  planWorkbook = require(path.join(__dirname, '..', 'dist', 'core', 'plan', 'planWorkbook.js')).planWorkbook;
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
}
const leaves = Number(process.argv[2]);
// Control: `coreWorker.js 1000 100` scores 100 distinct 1,000-leaf tables per run (as many rows as one
// 100,000-leaf table, each small enough to stay in the CPU cache while it is analysed).
const tables = Number(process.argv[3] || 1);
const grids = [];
for (let t = 0; t < tables; t++) grids.push(syntheticSheet(leaves));
let analyseOnlyMs = 0; // the analysis without the plan: what the JSON result, the report and consolidation pay
const analyseAll = () => {
  for (let t = 0; t < tables; t++) {
    const t0 = process.hrtime.bigint();
    const analysis = analyseWorkbook(grids[t], { profile: null });
    analyseOnlyMs += Number(process.hrtime.bigint() - t0) / 1e6;
    if (planWorkbook) planWorkbook(analysis, grids[t], 'vi');
  }
};
const total = leaves * tables;
// Small tables are timed in batches (each sample ≥ ~20,000 leaves), so that timer and GC noise do not
// swing the 1,000-leaf baseline that every other size is compared with.
const batch = Math.max(1, Math.round(20000 / total));
const runs = total >= 100000 ? 7 : 15;
for (let i = 0; i < 3; i++) analyseAll(); // warm-up: compiled code, caches
const times = [];
const analyseTimes = [];
for (let i = 0; i < runs; i++) {
  analyseOnlyMs = 0;
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < batch; b++) analyseAll();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6 / batch);
  analyseTimes.push(analyseOnlyMs / batch);
}
times.sort((a, b) => a - b);
analyseTimes.sort((a, b) => a - b);
const line = { leaves: total, tables, medianMs: times[Math.floor(runs / 2)], minMs: times[0], runs, batch };
if (planWorkbook) line.analyseOnlyMedianMs = analyseTimes[Math.floor(runs / 2)];
process.stdout.write(JSON.stringify(line));
