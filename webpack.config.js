/* Browser bundles, all into dist/web (or env.outDir):
 *   1. the scoring core as one ES5 script (window.CchcCore), used by test/core/es5Bundle.test.ts;
 *   2. the ribbon command and the light pane for IE11 (build/webpack.commands.js, when present);
 *   3. the React task pane (taskpane.js) with its pages, assets and manifest; ExcelJS only in an
 *      async chunk that the standalone browser mode loads. Every script of it, chunks included, is
 *      ES2017 syntax so that Edge Legacy (Office 2016/2019 on Windows 10) parses it: dependencies go
 *      through esbuild-loader (test/e2e/inOffice.test.ts parses the built files with acorn).
 * `--env only=core,taskpane` builds a subset. For compatibility with the ES5 test, a call with
 * env.outDir and no env.only builds the core alone. No config cleans the shared output folder
 * (`npm run build` empties dist/web first), so the configs never delete each other's files. */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const ROOT = __dirname;

function outPath(env) {
  return path.resolve(ROOT, env.outDir || 'dist/web');
}

const coreConfig = (env = {}, argv = {}) => ({
  name: 'core',
  mode: argv.mode || 'production',
  target: ['web', 'es5'],
  entry: { 'cchc-core': './src/core/index.ts' },
  output: {
    path: outPath(env),
    filename: '[name].js',
    library: { name: 'CchcCore', type: 'umd' },
    globalObject: 'this',
  },
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: 'tsconfig.web-es5.json', onlyCompileBundledFiles: true } }],
  },
  devtool: false,
  performance: { hints: false },
});

/** Copies static files (pages, bootstrap, icons, manifest) into the output as webpack assets. */
class StaticFilesPlugin {
  constructor(files) {
    this.files = files; // [{ from: absolute path, to: output-relative name }]
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('StaticFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StaticFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const f of this.files()) {
          if (!fs.existsSync(f.from)) continue;
          compilation.fileDependencies.add(f.from);
          const bytes = fs.readFileSync(f.from);
          compilation.emitAsset(f.to, new sources.RawSource(f.transform ? f.transform(bytes.toString('utf8')) : bytes));
        }
      });
    });
  }
}

function staticFiles() {
  const pages = path.join(ROOT, 'src/taskpane/pages');
  const files = ['taskpane.html', 'standalone.html', 'commands.html', 'message.html', 'bootstrap.js'].map((n) => ({ from: path.join(pages, n), to: n }));
  const assets = path.join(ROOT, 'assets');
  if (fs.existsSync(assets)) {
    for (const n of fs.readdirSync(assets)) if (/\.(png|ico|svg)$/i.test(n)) files.push({ from: path.join(assets, n), to: 'assets/' + n });
  }
  // The production build points the manifest at where the add-in is hosted (CCHC_PRODUCTION_URL).
  const productionUrl = process.env.CCHC_PRODUCTION_URL;
  const { rewriteManifestUrls } = require('./scripts/manifest/productionManifest');
  files.push({ from: path.join(ROOT, 'manifest.xml'), to: 'manifest.xml', transform: productionUrl ? (xml) => rewriteManifestUrls(xml, productionUrl) : null });
  // The pane's "Hướng dẫn": the README's section for its users, as a page beside the pane's.
  const { helpPageHtml, HELP_PAGE } = require('./scripts/helpPage');
  files.push({ from: path.join(ROOT, 'README.md'), to: HELP_PAGE, transform: helpPageHtml });
  return files;
}

const taskpaneConfig = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  return {
    name: 'taskpane',
    mode,
    target: ['web', 'es2017'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: outPath(env),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.json'],
      // src/xlsx is shared with the command line: its Node-only branches (files, paths) are never
      // taken in the browser, where ExcelJS and jszip resolve to their browser builds.
      fallback: { fs: false, path: false, stream: false },
    },
    module: {
      rules: [
        // The core is plain functions and data (no module runs anything for its effect): an entry
        // point (src/core/index.ts, src/core/<folder>/index.ts) brings in only what is used.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { configFile: 'tsconfig.taskpane.json', transpileOnly: true, onlyCompileBundledFiles: true },
        },
        {
          // Office 2016/2019 on Windows 10 run the pane in Edge Legacy (EdgeHTML 18), which parses
          // ES2017 at most: the dependencies' object spread, optional chaining, `??`, class fields…
          // are lowered here (ts-loader already emits ES2017 for our own code).
          test: /\.m?js$/,
          include: /node_modules/,
          use: [path.join(ROOT, 'build/spreadAsAssign.js'), { loader: 'esbuild-loader', options: { target: 'es2017' } }],
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // ExcelJS builds only the sample file; the reader and the patcher need jszip alone, so a file opened
          // in the browser never fetches ExcelJS (about 280 KB gzipped).
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 20, enforce: true },
          jszip: { test: /[\\/]node_modules[\\/]jszip[\\/]/, name: 'jszip', chunks: 'async', priority: 20, enforce: true },
        },
      },
    },
    plugins: [
      new StaticFilesPlugin(staticFiles),
      // One copy of the object rest/spread helpers that build/spreadAsAssign.js takes out of each dependency.
      new webpack.ProvidePlugin({ __cchcEsbuildHelpers: path.join(ROOT, 'build/esbuildHelpers.js') }),
    ],
    devtool: mode === 'development' ? 'source-map' : false,
    performance: { hints: false },
  };
};

function commandsConfigs(env, argv) {
  const file = path.join(ROOT, 'build/webpack.commands.js');
  if (!fs.existsSync(file)) return [];
  const made = require(file)(env, argv);
  return Array.isArray(made) ? made : [made];
}

module.exports = (env = {}, argv = {}) => {
  let only = env.only ? String(env.only).split(',') : null;
  if (!only && env.outDir) only = ['core'];
  const want = (name) => !only || only.indexOf(name) >= 0;
  const configs = [];
  if (want('core')) configs.push(coreConfig(env, argv));
  if (want('commands')) configs.push(...commandsConfigs(env, argv));
  if (want('taskpane')) configs.push(taskpaneConfig(env, argv));
  return configs.length === 1 ? configs[0] : configs;
};
module.exports.coreConfig = coreConfig;
module.exports.taskpaneConfig = taskpaneConfig;
