'use strict';
/** One side of the workbook benchmark, in its own process so its peak memory is its own. */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const [mode, dir] = process.argv.slice(2);
const dist = path.join(__dirname, '..', 'dist');

/** Ranking rows ("1   xã An Lâm …") and failed-file lines of the command's printed table. */
function countLines(printed) {
  const lines = printed.split('\n');
  const rankingLines = lines.filter((l) => /^\d+\s+(xã|phường|thị trấn) /.test(l)).length;
  const heading = lines.indexOf('Tệp không tổng hợp được:');
  const failedLines = heading < 0 ? 0 : lines.slice(heading + 1).filter((l) => /^  \S/.test(l)).length;
  return { rankingLines, failedLines };
}

/**
 * This process's own peak memory in kB: VmHWM on Linux. getrusage's maxRSS would also count the peak of
 * the bench process this one was forked from, which Linux carries across exec.
 */
function peakKb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: getrusage below
  }
  return process.resourceUsage().maxRSS;
}

(async () => {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(dir, f));
  let flags = 0;
  let communes = 0;
  let failed = 0;
  const t0 = process.hrtime.bigint();
  if (mode === 'load') {
    for (const file of files) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(file));
    }
  } else if (mode === 'consolidate') {
    // Exactly `cchc consolidate DIR --out TONG-HOP.xlsx`: list, read one file at a time, rank, write the workbook.
    const os = require('os');
    const { main } = require(path.join(dist, 'cli', 'main.js'));
    const out = path.join(os.tmpdir(), 'cchc-bench-tong-hop-' + process.pid + '.xlsx');
    let printed = '';
    const code = await main(['consolidate', dir, '--out', out], { stdout: (t) => (printed += t), stderr: () => undefined });
    fs.rmSync(out, { force: true });
    if (code !== 0) throw new Error('cchc consolidate exited ' + code + ':\n' + printed);
    const { rankingLines, failedLines } = countLines(printed);
    communes = rankingLines;
    failed = failedLines;
  } else {
    // What `cchc score FILE --json` does without --out: the fast grid reader, then the core.
    const { readGridFromXlsxFile } = require(path.join(dist, 'xlsx', 'node', 'readGridFile.js'));
    const { analyseWorkbook } = require(path.join(dist, 'core', 'analyse.js'));
    const { toJsonResult } = require(path.join(dist, 'core', 'report', 'jsonResult.js'));
    for (const file of files) {
      const grid = await readGridFromXlsxFile(file);
      const analysis = analyseWorkbook(grid, { profile: 'auto' });
      JSON.stringify(toJsonResult(analysis, grid, 'vi'), null, 2);
      flags += analysis.flags.length;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ mode, ms, files: files.length, flags, communes, failed, peakRssMB: Math.round(peakKb() / 1024) }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
