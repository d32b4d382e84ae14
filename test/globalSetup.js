/* The cli project (jest.config.js): its tests run the real `cchc` binary, which loads dist/, or load
 * dist/ themselves: build it once per test run. CCHC_NO_DIST_BUILD=1 skips the build (dist/ as it is). */
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  if (process.env.CCHC_NO_DIST_BUILD) return;
  const root = path.join(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
};
