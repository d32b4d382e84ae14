/* e2e project: build the bundles every suite serves once for the whole run (test/setup/e2eBuild.js).
 * CCHC_E2E_BUILD=<folder of an earlier run, kept with CCHC_E2E_KEEP=1> reuses that build instead
 * (for iterating on the tests themselves; it is not rebuilt when src changes). */
'use strict';
const { ENV, buildAll, runBuild } = require('./e2eBuild');

module.exports = async () => {
  if (process.env[ENV] && runBuild()) {
    process.env.CCHC_E2E_BUILD_REUSED = '1';
    // eslint-disable-next-line no-console
    console.log('\ne2e: reusing the bundles in ' + process.env[ENV] + ' (CCHC_E2E_BUILD)');
    return;
  }
  const started = Date.now();
  process.env[ENV] = await buildAll();
  // eslint-disable-next-line no-console
  console.log('\ne2e: bundles built once for this run in ' + Math.round((Date.now() - started) / 1000) + ' s (' + process.env[ENV] + ')');
};
