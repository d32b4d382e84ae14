import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { buildOfficeStub, chromiumAvailable, ROOT, runWebpack, Served, shot, openBrowser, closeBrowser } from './harness';

/**
 * taskpane.html as Excel 2016/2019 opens it: an engine without fetch (Internet Explorer 11) gets the
 * light pane (no React) from bootstrap.js, here on the in-memory Excel fake at ExcelApi 1.1. Its
 * buttons must recalculate and write, and revert. (Chromium stands in for IE11's DOM; that the
 * bundle is ES5 and runs without modern built-ins is test/commands/es5Commands.test.ts.)
 */

const run = chromiumAvailable() ? describe : describe.skip;

run('light task pane (Excel 2016/2019, ExcelApi 1.1)', () => {
  let server: Served;
  let context: BrowserContext;
  let stub: string;

  beforeAll(async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-light-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, 'webpack.config.js'));
    await runWebpack(config({ outDir: out, only: 'taskpane,commands' }, { mode: 'production' }));
    stub = await buildOfficeStub();
    ({ server, context } = await openBrowser([out]));
  }, 240000);

  afterAll(() => closeBrowser({ server, context }));

  test('an old engine gets the light pane; "Tính lại điểm" writes 68,13/74 and revert restores', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // IE11 has no fetch: that is what bootstrap.js looks at. The fake answers as Excel 2016 (ExcelApi 1.1).
    await page.addInitScript(() => {
      delete (window as unknown as { fetch?: unknown }).fetch;
      (window as unknown as { __cchcApiLevel: string }).__cchcApiLevel = '1.1';
    });
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.goto(server.url + 'taskpane.html');
    await page.getByRole('button', { name: 'Tính lại điểm' }).waitFor({ timeout: 30000 });
    // No React pane: the light page says what works and where the full pane is.
    expect(await page.locator('[data-testid="main-total"]').count()).toBe(0);
    await expect(page.locator('body').innerText()).resolves.toContain(server.url + 'standalone.html');

    const cell = (address: string) =>
      page.evaluate((a) => {
        const fake = (window as unknown as { __fakeOffice: { cell(s: string, a: string): { formula?: string } | null; displayed(s: string, a: string): unknown } }).__fakeOffice;
        const c = fake.cell('Phụ lục 1', a);
        return { formula: c && c.formula ? c.formula : null, shown: fake.displayed('Phụ lục 1', a) };
      }, address);

    // While the official reads the page, the pane learns the sheet names (one sync)...
    type Counters = { __fakeOffice: { syncCount(): number; resetCounters(): void } };
    await page.waitForFunction(() => (window as unknown as Counters).__fakeOffice.syncCount() === 1, undefined, { timeout: 30000 });
    await page.evaluate(() => (window as unknown as Counters).__fakeOffice.resetCounters());
    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tính lại' }).waitFor({ timeout: 30000 });
    // ...so the first recalculation in this two-sheet document at ExcelApi 1.1 is one read and one write.
    expect(await page.evaluate(() => (window as unknown as Counters).__fakeOffice.syncCount())).toBe(2);
    await page.screenshot({ path: shot('light-pane-after-write'), fullPage: true });
    // Per appendix: Phụ lục 1 is the seed's 68,13/74.
    await expect(page.locator('body').innerText()).resolves.toContain('Phụ lục 1: 68,13/74 điểm (92,07%)');
    // The total row's score cell (sample row 129, column D) now holds a live SUM showing 68,13.
    const written = await cell('D129');
    expect(written.formula).toMatch(/^=SUM\(/);
    expect(written.shown).toBeCloseTo(68.13, 9);

    await page.getByRole('button', { name: 'Hoàn tác lần ghi gần nhất' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /khôi phục/i })
      .waitFor({ timeout: 30000 });
    const restored = await cell('D129');
    expect(restored.formula).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
