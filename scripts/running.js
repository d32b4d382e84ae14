/* What `npm start` is running (pid, port, whether it sideloaded into Excel), for `npm stop`:
 * one small JSON file in dist/ (ignored by git, one per clone). */
'use strict';
const fs = require('fs');
const path = require('path');

const FILE = path.resolve(__dirname, '..', 'dist', 'start.json');

function writeRunning(state) {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, JSON.stringify(Object.assign({ started: new Date().toISOString() }, state), null, 2) + '\n');
}

/** The recorded state, or null (never started, or stopped). */
function readRunning() {
  try {
    return JSON.parse(fs.readFileSync(FILE, 'utf8'));
  } catch (e) {
    return null;
  }
}

/** Forgets the state if it is still the one `pid` wrote. */
function clearRunning(pid) {
  const state = readRunning();
  if (state && (pid === undefined || state.pid === pid)) fs.rmSync(FILE, { force: true });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

module.exports = { FILE, alive, clearRunning, readRunning, writeRunning };
