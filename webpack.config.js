/* Builds the browser bundles. For now: the scoring core as one ES5 script (window.CchcCore),
 * the piece the Excel add-in's ribbon command and task pane will load; the add-in entries join here. */
const path = require('path');

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  target: ['web', 'es5'],
  entry: { 'cchc-core': './src/core/index.ts' },
  output: {
    path: path.resolve(__dirname, env.outDir || 'dist/web'),
    filename: '[name].js',
    library: { name: 'CchcCore', type: 'umd' },
    globalObject: 'this',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: 'tsconfig.web-es5.json', onlyCompileBundledFiles: true } }],
  },
  devtool: false,
  performance: { hints: false },
});
