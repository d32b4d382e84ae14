'use strict';
/** One table size of the core bench, in its own process so no size inherits another's heap. */
const path = require('path');
const { syntheticSheet } = require('./syntheticTable');

const { analyseWorkbook } = require(path.join(__dirname, '..', 'dist', 'core', 'analyse.js'));
const leaves = Number(process.argv[2]);
const grid = syntheticSheet(leaves);
const runs = leaves >= 100000 ? 5 : leaves >= 10000 ? 15 : 41;
for (let i = 0; i < 3; i++) analyseWorkbook(grid, { profile: null }); // warm-up: compiled code, caches
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  analyseWorkbook(grid, { profile: null });
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ leaves, medianMs: times[Math.floor(runs / 2)], minMs: times[0], runs }));
