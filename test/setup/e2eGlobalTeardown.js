/* e2e project: remove the run's bundles (CCHC_E2E_KEEP=1 keeps them, to reuse with CCHC_E2E_BUILD). */
'use strict';
const fs = require('fs');
const { ENV } = require('./e2eBuild');

module.exports = async () => {
  const dir = process.env[ENV];
  if (!dir || process.env.CCHC_E2E_BUILD_REUSED) return;
  if (process.env.CCHC_E2E_KEEP) {
    // eslint-disable-next-line no-console
    console.log('e2e: bundles kept in ' + dir + ' (CCHC_E2E_BUILD=' + dir + ' reuses them)');
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true });
};
