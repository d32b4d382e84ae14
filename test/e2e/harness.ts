import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import type { BrowserContext } from 'playwright-core';

/**
 * End-to-end harness: builds the task pane once with the project's webpack config, serves it on
 * a free port over plain http, and drives Debian's Chromium through playwright-core (nothing here
 * downloads a browser). Screenshots go to test-output/e2e/.
 */

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CCHC_CHROMIUM || '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'test-output', 'e2e');

/** Skip only on a machine without Chromium outside CI; in CI a missing browser is a failure. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) return true; // let the launch fail loudly
  // eslint-disable-next-line no-console
  console.warn('e2e tests skipped: ' + CHROMIUM + ' not found (install Debian chromium; in CI they run)');
  return false;
}

export function runWebpack(config: webpack.Configuration | webpack.Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config as webpack.Configuration, (err, stats) => {
      if (err) return reject(err);
      if (stats && stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

/** Production build of the task pane (and its pages) into a fresh temporary folder. */
export async function buildPane(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-web-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js'));
  await runWebpack(config({ outDir: out, only: 'taskpane' }, { mode: 'production' }));
  return out;
}

/** The Office stub page script (fixtures/officeStub.ts) as one file, for page.route to serve as office.js. */
export async function buildOfficeStub(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-stub-'));
  await runWebpack({
    mode: 'production',
    target: ['web', 'es2017'],
    entry: { 'office-stub': path.join(__dirname, 'fixtures/officeStub.ts') },
    output: { path: out, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(ROOT, 'tsconfig.taskpane.json'), transpileOnly: true } }] },
    devtool: false,
    performance: { hints: false },
  });
  return fs.readFileSync(path.join(out, 'office-stub.js'), 'utf8');
}

const TYPES: { [ext: string]: string } = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

export function serve(dirs: string[]): Promise<Served> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url || '/').split('?')[0]).replace(/^\/+/, '') || 'standalone.html';
    for (const dir of dirs) {
      const file = path.resolve(dir, rel);
      if (!file.startsWith(path.resolve(dir) + path.sep)) continue;
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(fs.readFileSync(file));
        return;
      }
    }
    res.writeHead(404);
    res.end('not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address() as { port: number };
      resolve({ url: 'http://127.0.0.1:' + addr.port + '/', close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

export async function launch(): Promise<{ context: BrowserContext; userDataDir: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: 'vi-VN',
    acceptDownloads: true,
    viewport: { width: 900, height: 1400 },
  });
  // No page may reach the internet: office.js "fails to load" exactly as on a closed network.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('internetdisconnected'));
  return { context, userDataDir };
}

export function shot(name: string): string {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name + '.png');
}

/** A served folder (or several) and a fresh Chromium, as every end-to-end suite starts. */
export async function openBrowser(dirs: string[]): Promise<{ server: Served; context: BrowserContext }> {
  const server = await serve(dirs);
  return { server: server, context: (await launch()).context };
}

/** Closes what openBrowser opened, also after a beforeAll that failed half way. */
export async function closeBrowser(session: { server?: Served; context?: BrowserContext }): Promise<void> {
  if (session.context) await session.context.close();
  if (session.server) await session.server.close();
}
