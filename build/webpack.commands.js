/* The ribbon FunctionFile script (commands.js) and the Internet Explorer 11 light task pane
 * (lightpane.js), as plain ES5 with their polyfills. Excel 2016/2019 on Windows run add-ins in IE11.
 * Used as one member of the array exported by webpack.config.js; it never cleans the output folder. */
const path = require('path');

const root = path.resolve(__dirname, '..');

module.exports = (env = {}, argv = {}) => ({
  name: 'commands',
  mode: argv.mode || 'production',
  context: root,
  target: ['web', 'es5'],
  entry: {
    commands: './src/commands/commands.ts',
    lightpane: './src/lightpane/lightPaneEntry.ts',
  },
  output: {
    path: path.resolve(root, env.outDir || 'dist/web'),
    filename: '[name].js',
    environment: { arrowFunction: false, const: false, destructuring: false, forOf: false, module: false, dynamicImport: false, optionalChaining: false, templateLiteral: false },
  },
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: {
    rules: [
      // The core is plain functions and data (no module runs anything for its effect): an entry
      // point (src/core/index.ts, src/core/<folder>/index.ts) brings in only what is used.
      { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        options: { configFile: path.resolve(root, 'tsconfig.commands-es5.json'), onlyCompileBundledFiles: true, instance: 'commands-es5' },
      },
    ],
  },
  devtool: false,
  performance: { hints: false },
});
