#!/usr/bin/env node
/* `npm run watch`: the task pane (with its pages, icons and manifest), the ribbon command and the
 * IE11 light pane, built in development mode into dist/web and rebuilt on every save (webpack's
 * watch mode: only what changed is recompiled, a second or two for the pane). Pair it with a running
 * `npm start -- --no-build`, or use `npm start -- --watch`, which does both. Ctrl+C stops it.
 *   node scripts/watch.js [--production] */
'use strict';
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

const say = (vi, en) => console.log(vi + (en ? ' — ' + en : ''));

/**
 * Starts webpack in watch mode. `onBuilt(ok)` after each build; resolves with { close() } once the
 * first build is done (rejects when the config cannot even start).
 */
function watch(options = {}) {
  const webpack = require('webpack');
  const mode = options.mode || 'development';
  const configs = require(path.join(ROOT, 'webpack.config.js'))({ only: 'taskpane,commands' }, { mode });
  const compiler = webpack(configs);
  let first = true;
  return new Promise((resolve, reject) => {
    const watching = compiler.watch({ aggregateTimeout: 300, ignored: ['**/node_modules/**', '**/dist/**'] }, (err, stats) => {
      const ok = !err && !(stats && stats.hasErrors());
      if (err) console.error(err.message || String(err));
      else if (stats && stats.hasErrors()) console.error(stats.toString('errors-only'));
      else {
        const ms = stats.stats ? Math.max(...stats.stats.map((s) => s.endTime - s.startTime)) : stats.endTime - stats.startTime;
        say((first ? 'Đã biên dịch' : 'Đã biên dịch lại') + ' dist/web (' + mode + ', ' + ms + ' ms)', (first ? 'built' : 'rebuilt') + ' dist/web');
      }
      if (options.onBuilt) options.onBuilt(ok);
      if (first) {
        first = false;
        if (err && !stats) return reject(err);
        resolve({ close: () => new Promise((r) => watching.close(() => r())) });
      }
    });
  });
}

module.exports = { watch };

if (require.main === module) {
  say('Đang theo dõi src/ (Ctrl+C để dừng)…', 'watching src/ (Ctrl+C stops)…');
  watch({ mode: process.argv.includes('--production') ? 'production' : 'development' }).then(
    (w) => {
      const stop = () => w.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(e.message || String(e));
      process.exit(1);
    },
  );
}
