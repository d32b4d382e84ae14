import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { buildOfficeStub, chromiumAvailable, closeBrowser, openBrowser, ROOT, runWebpack, Served, shot } from './harness';

/**
 * taskpane.html as Office opens it, where Office runs it:
 *  - every script the pane can load parses where it runs: the React pane and all its chunks at
 *    ES2017 (Edge Legacy, EdgeHTML 18, in Office 2016/2019 on Windows 10), bootstrap.js, the light
 *    pane and the ribbon's commands.js at ES5 (Internet Explorer 11);
 *  - inside Office (the `_host_Info` query Office adds) a late office.js never shows the embedded
 *    sample: "Đang tải Office…", then Excel mode when it arrives; a failed one says why, and "Thử lại"
 *    loads it again; outside Office, a failing office.js still gives browser mode;
 *  - a pane script that does not parse or throws while loading gives the light pane and a message,
 *    never a blank pane.
 */

// Office on Windows opens the SourceLocation with this query (here: Vietnamese Office).
const HOST_INFO = '?_host_Info=Excel$Win32$16.01$vi-VN$$$$0';

let building: Promise<string> | null = null;
/** One production build of the pane, its pages, the light pane and the ribbon script for this file. */
function built(): Promise<string> {
  if (!building) {
    building = (async () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-office-'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const config = require(path.join(ROOT, 'webpack.config.js'));
      await runWebpack(config({ outDir: out, only: 'taskpane,commands' }, { mode: 'production' }));
      return out;
    })();
  }
  return building;
}

describe('pane scripts parse in the engines Office uses', () => {
  let out: string;
  beforeAll(async () => {
    out = await built();
  }, 400000);

  test('the React pane and every chunk at ES2017 (Edge Legacy); bootstrap, light pane and commands at ES5 (IE11)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require('acorn') as typeof import('acorn');
    const scripts = fs.readdirSync(out).filter((f) => f.endsWith('.js'));
    const es5 = ['bootstrap.js', 'lightpane.js', 'commands.js'];
    for (const name of ['taskpane.js', ...es5]) expect(scripts).toContain(name);
    // The chunks the pane loads later: Excel host, ExcelJS, the report, the table reading, consolidation…
    for (const chunk of ['excel-host', 'exceljs', 'report', 'table-reading', 'browser-host', 'consolidate']) expect(scripts.some((f) => f.startsWith(chunk + '.'))).toBe(true);
    const failures: string[] = [];
    for (const name of scripts) {
      const ecmaVersion = es5.indexOf(name) >= 0 ? 5 : 2017;
      const code = fs.readFileSync(path.join(out, name), 'utf8');
      try {
        acorn.parse(code, { ecmaVersion, sourceType: 'script' });
      } catch (error) {
        const pos = (error as { pos?: number }).pos || 0;
        failures.push(name + ' (ES' + ecmaVersion + '): ' + (error as Error).message + ' near ' + JSON.stringify(code.slice(Math.max(0, pos - 40), pos + 40)));
      }
    }
    expect(failures).toEqual([]);
  });

  test('the lowered object spread behaves as the syntax does (Object.assign and one shared helper copy)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fixUp = require(path.join(ROOT, 'build/spreadAsAssign.js')) as (s: string) => string;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const helpers = require(path.join(ROOT, 'build/esbuildHelpers.js'));
    const source = `
      const sym = Symbol('s');
      const base = { a: 1, [sym]: 2 };
      Object.defineProperty(base, 'hidden', { value: 3, enumerable: false });
      const spread = { ...base, b: 2, ...null, ...undefined, ...'xy' };
      const { a, ...rest } = { a: 1, c: 3, [sym]: 4 };
      const withGetter = { ...base, get g() { return 7; } };
      return { spread, keys: Object.keys(spread), sym: spread[sym], a, rest, restSym: rest[sym], getter: Object.getOwnPropertyDescriptor(withGetter, 'g').get !== undefined };`;
    const native = new Function(source)();
    const lowered = (await esbuild.transform(source.replace('return { spread', 'module.exports = { spread'), { target: 'es2017', format: 'cjs' })).code;
    const fixed = fixUp(lowered);
    expect(fixed).toContain('var __spreadValues = Object.assign;');
    expect(fixed).toContain('var __objRest = __cchcEsbuildHelpers.objRest;');
    expect(fixed).not.toMatch(/var __defProp = /);
    const mod = { exports: {} as Record<string, unknown> };
    new Function('module', '__cchcEsbuildHelpers', fixed)(mod, helpers);
    const got = mod.exports as typeof native;
    expect(got.keys).toEqual(native.keys);
    // (each run has its own Symbol('s'): string keys compared here, the symbol's value below)
    expect(Object.entries(got.spread)).toEqual(Object.entries(native.spread));
    expect(got.sym).toBe(native.sym);
    expect(Object.entries(got.rest)).toEqual(Object.entries(native.rest));
    expect(got.restSym).toBe(native.restSym);
    expect(got.a).toBe(1);
    expect(got.getter).toBe(true);
  });
});

const run = chromiumAvailable() ? describe : describe.skip;

run('taskpane.html inside Office (the _host_Info query)', () => {
  let server: Served;
  let context: BrowserContext;
  let stub: string;

  beforeAll(async () => {
    const out = await built();
    stub = await buildOfficeStub();
    ({ server, context } = await openBrowser([out]));
  }, 400000);

  afterAll(() => closeBrowser({ server, context }));

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const fulfilStub = (route: Route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
  const requested = (page: Page) => {
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    return urls;
  };

  test('office.js 12 s late: "Đang tải Office…", never the sample or browser mode, then Excel mode', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const urls = requested(page);
    let asked = 0;
    await page.route(/appsforoffice\.microsoft\.com/, async (route) => {
      asked++;
      await sleep(12000);
      await fulfilStub(route);
    });
    const started = Date.now();
    // Not until 'load': the page's load event waits for the async office.js.
    await page.goto(server.url + 'taskpane.html' + HOST_INFO, { waitUntil: 'domcontentloaded' });
    await page.getByText('Đang tải Office…').first().waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: 'Thử lại' }).waitFor();
    // Until office.js arrives (12 s), and well past bootstrap's old 5 s: the loading message, nothing else.
    while (Date.now() - started < 11000) {
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/Thanh Xá|68,13|Chế độ trình duyệt/);
      expect(text).toContain('Đang tải Office…');
      expect(await page.locator('body').getAttribute('data-host')).toBeNull();
      await sleep(500);
    }
    await page.screenshot({ path: shot('office-loading'), fullPage: true });
    await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(12000);
    expect(await page.locator('body').getAttribute('data-host')).toBe('excel');
    expect(await page.getByText('Đang tải Office…').count()).toBe(0);
    expect(asked).toBe(1);
    // Browser mode's code (and ExcelJS) was never loaded.
    expect(urls.filter((u) => /browser-host|exceljs/.test(u))).toEqual([]);
    // And Excel mode works: "Tính lại điểm" writes.
    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã ghi \d+ ô công thức/ })
      .waitFor({ timeout: 30000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 90000);

  test('office.js fails: the reason and what to do, no sample; "Thử lại" loads it and the pane goes on in Excel', async () => {
    const page = await context.newPage();
    let asked = 0;
    await page.route(/appsforoffice\.microsoft\.com/, (route) => (++asked === 1 ? route.abort('internetdisconnected') : fulfilStub(route)));
    await page.goto(server.url + 'taskpane.html' + HOST_INFO);
    const alert = page.getByRole('alert').filter({ hasText: 'Không tải được Office (office.js).' });
    await alert.waitFor({ timeout: 15000 });
    expect(await alert.innerText()).toContain('appsforoffice.microsoft.com');
    expect(await alert.innerText()).toContain(server.url + 'standalone.html');
    await sleep(6000); // past bootstrap's 5 s of old: still waiting for Office, not browser mode
    expect(await page.locator('body').innerText()).not.toMatch(/Thanh Xá|68,13/);
    expect(await page.locator('body').getAttribute('data-host')).toBeNull();
    await page.screenshot({ path: shot('office-failed'), fullPage: true });
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
    expect(await page.locator('body').getAttribute('data-host')).toBe('excel');
    expect(asked).toBe(2);
    await page.close();
  }, 90000);

  test('office.js that never comes: after 15 s the plain explanation, still no sample', async () => {
    const page = await context.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, () => new Promise<void>(() => undefined));
    const started = Date.now();
    await page.goto(server.url + 'taskpane.html' + HOST_INFO, { waitUntil: 'domcontentloaded' });
    const alert = page.getByRole('alert').filter({ hasText: 'Office vẫn chưa tải xong sau 15 giây.' });
    await alert.waitFor({ timeout: 25000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(14000);
    expect(await alert.innerText()).toContain('Thử lại');
    expect(await page.getByText('Đang tải Office…').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toMatch(/Thanh Xá|68,13/);
    await page.screenshot({ path: shot('office-slow'), fullPage: true });
    await page.close();
  }, 60000);

  test('English Office: the wait speaks English', async () => {
    const page = await context.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort('internetdisconnected'));
    await page.goto(server.url + 'taskpane.html?_host_Info=Excel|Web|16.00|en-US|0b1c|isDialog=0');
    await page.getByText('Loading Office…').first().waitFor({ timeout: 10000 });
    await page.getByRole('alert').filter({ hasText: 'Office (office.js) could not be loaded.' }).waitFor({ timeout: 15000 });
    await page.close();
  });

  test('outside Office (no _host_Info), office.js failing: browser mode on the sample, as before', async () => {
    const page = await context.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort('internetdisconnected'));
    await page.goto(server.url + 'taskpane.html');
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });
    expect(await page.locator('body').getAttribute('data-host')).toBe('browser');
    await page.close();
  });

  for (const [kind, body] of [
    ['throws while loading', 'window.__loaded = true; throw new Error("boom at load");'],
    ['does not parse (as ES2020 in Edge Legacy)', 'var broken = { a: 1 ;'],
  ]) {
    test(`a pane script that ${kind}: the light pane with a message, not a blank pane`, async () => {
      const page = await context.newPage();
      await page.route(/appsforoffice\.microsoft\.com/, fulfilStub);
      await page.route(/\/taskpane\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
      await page.goto(server.url + 'taskpane.html' + HOST_INFO);
      await page.getByRole('alert').filter({ hasText: 'Ngăn đầy đủ của CCHC không chạy được' }).waitFor({ timeout: 20000 });
      // The light pane itself, working on the workbook.
      await page.getByRole('button', { name: 'Tính lại điểm' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã tính lại' }).waitFor({ timeout: 30000 });
      expect(await page.locator('body').innerText()).toContain('Phụ lục 1: 68,13/74 điểm (92,07%)');
      expect(await page.locator('[data-testid="main-total"]').count()).toBe(0);
      await page.screenshot({ path: shot('pane-fallback-' + (kind.startsWith('throws') ? 'throw' : 'syntax')), fullPage: true });
      await page.close();
    });
  }

  test('a chunk of the pane that throws before the pane has rendered: the light pane too', async () => {
    const page = await context.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, fulfilStub);
    await page.route(/\/excel-host\.[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("broken chunk");' }));
    await page.goto(server.url + 'taskpane.html' + HOST_INFO);
    await page.getByRole('alert').filter({ hasText: 'Ngăn đầy đủ của CCHC không chạy được' }).waitFor({ timeout: 20000 });
    await page.getByRole('button', { name: 'Tính lại điểm' }).waitFor({ timeout: 30000 });
    expect(await page.locator('[data-testid="main-total"]').count()).toBe(0);
    await page.close();
  });
});
