#!/usr/bin/env node
/* `npm stop`: stops what `npm start` started in another terminal (its server, and its watch with
 * --watch) and, where it sideloaded the add-in into Excel desktop, removes the sideload through
 * office-addin-debugging (as the Office add-in templates' `npm stop` does). Nothing running: says so. */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { alive, clearRunning, readRunning } = require('./running');

const ROOT = path.resolve(__dirname, '..');
const say = (vi, en) => console.log(vi + (en ? ' — ' + en : ''));

async function main() {
  const state = readRunning();
  if (!state || !alive(state.pid)) {
    if (state) clearRunning();
    say('CCHC không chạy (npm start).', 'CCHC is not running (npm start).');
  } else {
    process.kill(state.pid, 'SIGTERM');
    const until = Date.now() + 10000;
    while (alive(state.pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
    clearRunning();
    say('Đã dừng CCHC tại ' + state.url + ' (tiến trình ' + state.pid + ').', 'Stopped CCHC at ' + state.url + ' (process ' + state.pid + ').');
  }
  if (state && state.sideloaded) {
    let cli = null;
    try {
      cli = require.resolve('office-addin-debugging/cli.js');
    } catch (e) {
      cli = null;
    }
    if (cli) {
      const r = spawnSync(process.execPath, [cli, 'stop', 'manifest.xml', 'desktop'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status === 0) say('Đã gỡ add-in đã nạp khỏi Excel.', 'Removed the sideloaded add-in from Excel.');
    }
  }
}

main().catch((e) => {
  console.error((e && e.message) || String(e));
  process.exit(1);
});
