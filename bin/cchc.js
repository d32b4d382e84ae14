#!/usr/bin/env node
'use strict';
// The compiled command line lives in dist/ (built by `npm ci` through the prepare script).
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('cchc chưa được biên dịch: hãy chạy "npm ci" hoặc "npm run build" trong thư mục dự án.\n');
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // main() already says every problem with the user's files as one line (exit 2); what reaches
    // here is a bug. Still one line: control characters escaped, no stack trace.
    const { escapeControl } = require('../dist/cli/terminalText.js');
    const message = error && error.message ? error.message : String(error);
    process.stderr.write('Lỗi không mong đợi: ' + escapeControl(message) + '\n');
    process.exitCode = 2;
  },
);
