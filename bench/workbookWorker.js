'use strict';
/** One side of the workbook benchmark, in its own process so its peak memory is its own. */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const [mode, dir] = process.argv.slice(2);
const dist = path.join(__dirname, '..', 'dist');

(async () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
  let flags = 0;
  const t0 = process.hrtime.bigint();
  if (mode === 'load') {
    for (const file of files) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(file));
    }
  } else {
    // What `cchc score FILE --json` does without --out: the fast grid reader, then the core.
    const { readGridFromXlsxFile } = require(path.join(dist, 'xlsx', 'fastGrid.js'));
    const { analyseWorkbook } = require(path.join(dist, 'core', 'analyse.js'));
    const { toJsonResult } = require(path.join(dist, 'core', 'report', 'jsonResult.js'));
    for (const file of files) {
      const grid = await readGridFromXlsxFile(file);
      const analysis = analyseWorkbook(grid, { profile: 'auto', lang: 'vi' });
      JSON.stringify(toJsonResult(analysis, 'vi'), null, 2);
      flags += analysis.flags.length;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ mode, ms, files: files.length, flags, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
