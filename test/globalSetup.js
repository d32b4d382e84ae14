/* The command-line tests run the real `cchc` binary, which loads dist/: build it once per test run. */
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const root = path.join(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
};
