import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type webpack from 'webpack';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * End-to-end harness: the task pane as the project's webpack config builds it (once per jest run for
 * all suites: the e2e project's globalSetup builds the bundles and runWebpack copies them; see
 * test/setup/e2eBuild.js), served on a free port over plain http, in Debian's Chromium driven
 * through playwright-core (nothing here downloads a browser). Screenshots go to test-output/e2e/.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runBuild = require('../setup/e2eBuild') as { copyFromRunBuild(config: unknown): boolean };

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

/**
 * Builds `config` into its output folder; a config the run's globalSetup already built (the project's
 * taskpane and commands configs in production mode, the Office stubs) is copied from that build.
 */
export function runWebpack(config: webpack.Configuration | webpack.Configuration[]): Promise<void> {
  if (runBuild.copyFromRunBuild(config)) return Promise.resolve();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require('webpack') as typeof webpack;
  return new Promise((resolve, reject) => {
    build(config as webpack.Configuration, (err, stats) => {
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

/**
 * Everything a suite opened (servers, browsers), so that its afterAll closes them even when its
 * beforeAll failed or timed out half way: openBrowser's result is then never assigned, and a
 * Chromium still starting arrives after afterAll has run. Each resource records the "generation"
 * it was opened in; closeBrowser closes every open one and moves to the next generation, and one that
 * arrives from an earlier generation closes itself at once. Whatever is still alive when the process
 * exits is killed (the safety net: jest's worker must never wait on a browser).
 */
interface Resource {
  close(): Promise<void>;
  kill(): void;
}
const opened = new Set<Resource>();
/** Every Chromium this module started, for the harness's own test. */
export const launchedPids: number[] = [];
let generation = 0;
/** Set when the test file has ended (shutdown): nothing opens any more, what arrives closes itself. */
let ended = false;
const ENDED = 'the test file ended before its browser or server started';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}

async function closeResource(r: Resource): Promise<void> {
  opened.delete(r);
  try {
    await withTimeout(r.close(), 10000);
  } catch {
    // closed already, or never fully opened
  }
  r.kill();
}

/** Tracks r; false (and r closed) when the suite that asked for it has already ended. */
function track(r: Resource, openedIn: number): boolean {
  if (ended || openedIn !== generation) {
    void closeResource(r);
    return false;
  }
  opened.add(r);
  return true;
}

process.once('exit', () => {
  for (const r of opened) r.kill();
});

export function serve(dirs: string[]): Promise<Served> {
  if (ended) return Promise.reject(new Error(ENDED));
  const openedIn = generation;
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
  const stop = () => {
    server.closeAllConnections();
  };
  const resource: Resource = {
    close: () =>
      new Promise<void>((r) => {
        if (!server.listening) return r();
        server.close(() => r());
        stop();
      }),
    kill: stop,
  };
  return new Promise((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address() as { port: number };
      if (!track(resource, openedIn)) return reject(new Error('the suite ended before its server started'));
      resolve({ url: 'http://127.0.0.1:' + addr.port + '/', close: () => closeResource(resource) });
    });
  });
}

export async function launch(): Promise<{ context: BrowserContext }> {
  if (ended) throw new Error(ENDED);
  const openedIn = generation;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  // A browser server, so that its process can be killed whatever state the connection is in.
  const browserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const proc = browserServer.process();
  if (proc && proc.pid) launchedPids.push(proc.pid);
  const resource: Resource = {
    close: () => browserServer.close(),
    kill: () => {
      if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };
  if (!track(resource, openedIn)) throw new Error('the suite ended before Chromium started');
  const browser = await chromium.connect(browserServer.wsEndpoint());
  if (!track(resource, openedIn)) throw new Error('the suite ended before Chromium started');
  const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true, viewport: { width: 900, height: 1400 } });
  // No page may reach the internet: office.js "fails to load" exactly as on a closed network.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('internetdisconnected'));
  return { context };
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

/**
 * Closes what this suite opened: the session given and anything else still open or still starting
 * (after a beforeAll that failed or timed out, the session is empty), so jest can exit.
 */
export async function closeBrowser(session?: { server?: Served; context?: BrowserContext }): Promise<void> {
  generation++;
  if (session && session.context)
    await withTimeout(
      session.context.close().catch(() => undefined),
      10000,
    );
  await Promise.all([...opened].map(closeResource));
}

/**
 * The end of a test file (test/setup/e2eAfterEnv.ts, after the file's own afterAll hooks): closes
 * everything still open and refuses whatever is asked for later, by a beforeAll that timed out and
 * is still running.
 */
export async function shutdown(): Promise<void> {
  ended = true;
  await closeBrowser();
}

/** One axe-core rule the page breaks, with where (CSS selectors) and why. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (the devDependency, injected from node_modules: nothing is fetched) over the page as
 * it is now (once colour transitions have ended) and returns its violations, every rule axe runs by default (WCAG A and AA and best
 * practices). Call it after each interaction: a state reached by a click is checked as it looks.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // A button just enabled fades in (Fluent's colour transitions): judge the colours it settles on.
  await page.waitForFunction(() => document.getAnimations().filter((a) => typeof CSSTransition !== 'undefined' && a instanceof CSSTransition && a.playState === 'running').length === 0, undefined, {
    timeout: 5000,
  });
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact || null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ') + (n.failureSummary ? ': ' + n.failureSummary.replace(/\s+/g, ' ') : '')),
    }));
  });
}
