'use strict';
/**
 * Hostile files (issue 11, item 4): each case of test/helpers/hostileXlsx.ts run through the real
 * `cchc score FILE` and `cchc score FILE --out OUT.xlsx` in a child process, one JSON line each:
 *   {"bench":"hostile","case":…,"command":"score","ms":…,"maxRssMB":…,"exit":…,"bounded":true,
 *    "withinBound":true,"boundMs":5000,"boundMB":300,…}
 * `bounded`: the issue asks this case (merge, row and zip cases) to finish under 5 s and 300 MB;
 * `withinBound` says whether this run did (computed for every case); `asExpected` whether the exit
 * and stderr are what test/cli/hostileFiles.test.ts demands of the case. Peak memory comes from
 * `/usr/bin/time -v` when present, else from the child itself (VmHWM, or process.resourceUsage().maxRSS
 * off Linux, through this file preloaded with CCHC_HOSTILE_RSS_FILE set; a crashed child reports null).
 *
 * Standalone: `npx tsc -p tsconfig.cli.json && node bench/hostile.js`; `npm run bench` runs it last.
 * CCHC_BENCH_HOSTILE_CASES=id,id runs only those; CCHC_BENCH_HOSTILE_TIMEOUT_MS (default 120000)
 * kills a run (its line says "timedOut": true).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Preloaded into a child (`node -r bench/hostile.js …`): report the child's own peak RSS on exit.
if (require.main !== module && process.env.CCHC_HOSTILE_RSS_FILE && !process.env.CCHC_HOSTILE_RSS_WRITTEN) {
  process.env.CCHC_HOSTILE_RSS_WRITTEN = '1';
  const file = process.env.CCHC_HOSTILE_RSS_FILE;
  process.on('exit', () => {
    try {
      // Linux: the peak of this process's own memory (VmHWM). getrusage's maxRSS would also count the
      // peak of the bench process it was forked from, which Linux carries across exec.
      let kb = null;
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
        if (m) kb = Number(m[1]);
      } catch {
        kb = null;
      }
      fs.writeFileSync(file, String(kb !== null ? kb : process.resourceUsage().maxRSS));
    } catch {
      // nothing to report to
    }
  });
}

const root = path.join(__dirname, '..');
const BOUND_MS = 5000;
const BOUND_MB = 300;
const TIME = '/usr/bin/time';

/** test/helpers/hostileXlsx.ts transpiled (no type check) into dist/, where jszip resolves. */
function loadGenerators() {
  const ts = require('typescript');
  const source = fs.readFileSync(path.join(root, 'test', 'helpers', 'hostileXlsx.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true } }).outputText;
  const dir = path.join(root, 'dist', 'bench-hostile');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'hostileXlsx.js');
  fs.writeFileSync(file, js);
  return require(file);
}

function hasTime() {
  if (process.env.CCHC_BENCH_HOSTILE_NO_TIME) return false;
  try {
    fs.accessSync(TIME, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const PROGRESS = /^(Đang |Reading |Scoring|Writing ).*(…|: (xong|done) \([\d.,]+ ?s\))$|^(Đã đọc|Read) \d+\/\d+ (tệp|files?)$/;

/** Runs `cchc ARGS` in its own process group; kills the group after `timeoutMs`. */
function runCli(args, cwd, timeoutMs) {
  return new Promise((resolve) => {
    const stats = path.join(os.tmpdir(), 'cchc-hostile-stats-' + process.pid + '-' + Date.now() + '-' + Math.random().toString(36).slice(2));
    const useTime = hasTime();
    const node = [process.execPath, path.join(root, 'bin', 'cchc.js')].concat(args);
    const cmd = useTime ? TIME : process.execPath;
    const argv = useTime ? ['-v', '-o', stats].concat(node) : ['-r', __filename, path.join(root, 'bin', 'cchc.js')].concat(args);
    const env = Object.assign({}, process.env, useTime ? {} : { CCHC_HOSTILE_RSS_FILE: stats });
    delete env.CCHC_HOSTILE_RSS_WRITTEN;
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdoutBytes = 0;
    child.stdout.on('data', (d) => (stdoutBytes += d.length));
    child.stderr.on('data', (d) => {
      if (stderr.length < 20000) stderr += d.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let maxRssMB = null;
      let exit = code;
      try {
        const text = fs.readFileSync(stats, 'utf8');
        if (useTime) {
          const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
          if (rss) maxRssMB = Math.round(Number(rss[1]) / 1024);
          // /usr/bin/time exits with the command's code, or reports the signal that ended it.
          const sig = /Command terminated by signal (\d+)/.exec(text);
          if (sig) signal = 'signal ' + sig[1];
          const status = /Exit status: (\d+)/.exec(text);
          if (status) exit = Number(status[1]);
        } else if (text) {
          maxRssMB = Math.round(Number(text) / 1024);
        }
      } catch {
        // killed before anything was written
      }
      fs.rmSync(stats, { force: true });
      const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !PROGRESS.test(l) && !/^\s*Command (exited|terminated)/.test(l));
      resolve({ ms, maxRssMB, exit: timedOut ? null : exit, signal: signal || null, timedOut, stderrLines: lines.length, firstLine: lines.length ? lines[0].slice(0, 200) : '', stdoutBytes });
    });
  });
}

async function benchHostile() {
  const dist = path.join(root, 'dist');
  const { sampleWorkbookBytes } = require(path.join(dist, 'xlsx', 'gridToWorkbook.js'));
  const { hostileCases } = loadGenerators();
  const only = process.env.CCHC_BENCH_HOSTILE_CASES ? process.env.CCHC_BENCH_HOSTILE_CASES.split(',') : null;
  const timeoutMs = Number(process.env.CCHC_BENCH_HOSTILE_TIMEOUT_MS || 120000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-hostile-'));
  try {
    const cases = (await hostileCases(await sampleWorkbookBytes())).filter((c) => !only || only.indexOf(c.id) >= 0);
    for (const c of cases) {
      const caseDir = fs.mkdtempSync(path.join(dir, c.id + '-'));
      fs.writeFileSync(path.join(caseDir, c.fileName), c.bytes);
      for (const command of ['score', 'score --out']) {
        const args = command === 'score' ? ['score', c.fileName] : ['score', c.fileName, '--out', path.join(caseDir, 'DA-CHAM-' + Date.now() + '.xlsx')];
        const r = await runCli(args, caseDir, timeoutMs);
        const withinBound = !r.timedOut && r.ms < BOUND_MS && r.maxRssMB !== null && r.maxRssMB < BOUND_MB;
        // The outcome the tests demand: refused = exit 2 with one line; scored = exit 0; either for the rest.
        const refusedCleanly = r.exit === 2 && r.stderrLines === 1;
        const asExpected = c.expect === 'refused' ? refusedCleanly : c.expect === 'scored' ? r.exit === 0 : r.exit === 0 || refusedCleanly;
        console.log(
          JSON.stringify({
            bench: 'hostile',
            case: c.id,
            command,
            fileKB: +(c.bytes.length / 1024).toFixed(1),
            ms: Math.round(r.ms),
            maxRssMB: r.maxRssMB,
            exit: r.exit,
            signal: r.signal,
            timedOut: r.timedOut,
            expect: c.expect,
            bounded: c.bounded,
            withinBound,
            asExpected,
            boundMs: BOUND_MS,
            boundMB: BOUND_MB,
            stderrLines: r.stderrLines,
            message: r.firstLine,
          }),
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchHostile };

if (require.main === module) {
  benchHostile().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
