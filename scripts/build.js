#!/usr/bin/env node
/* `npm run build`: the command line (dist/) and every browser bundle (dist/web): the ES5 core,
 * the ribbon command and light pane, the React task pane with its pages, icons and manifest.
 * dist/web is emptied first; the webpack configs themselves never clean the shared folder. */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function step(args) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status === null ? 1 : r.status);
}

function build(mode) {
  fs.rmSync(path.join(ROOT, 'dist/web'), { recursive: true, force: true });
  step([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json']);
  // One line per bundle, not a module listing: officials running npm start should see the URLs, not webpack.
  step([require.resolve('webpack-cli/bin/cli.js'), '--mode', mode || 'production', '--stats', 'errors-warnings']);
}

module.exports = { build };

if (require.main === module) build(process.argv.includes('--development') ? 'development' : 'production');
