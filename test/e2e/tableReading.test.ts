import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, closeBrowser, openBrowser, ROOT, runWebpack, Served, shot } from './harness';

/**
 * "Cách đọc bảng" in Chromium, inside "Excel" (the Office fake in place of office.js, the real pane and
 * the real Office.js gateway): a sheet with two self-score columns nothing tells apart shows the
 * ambiguity; choosing the other column changes the totals; after a reload of the page (the same
 * document, with the settings the add-in saved) the choice still applies; the IE11 light pane and
 * "Đặt lại" follow it too.
 */

const run = chromiumAvailable() ? describe : describe.skip;
const SETTINGS_KEY = '__cchcDocumentSettings';

/** The stub page script (fixtures/officeStubColumns.ts) as one file, served as office.js. */
async function buildStub(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-stub-columns-'));
  await runWebpack({
    mode: 'production',
    target: ['web', 'es2017'],
    entry: { stub: path.join(__dirname, 'fixtures/officeStubColumns.ts') },
    output: { path: out, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(ROOT, 'tsconfig.taskpane.json'), transpileOnly: true } }] },
    devtool: false,
    performance: { hints: false },
  });
  return fs.readFileSync(path.join(out, 'stub.js'), 'utf8');
}

type Fake = { settings: { [name: string]: string }; cell(s: string, a: string): { formula?: string } | null };

run('"Cách đọc bảng" in Excel (Office stub, two self-score columns)', () => {
  let server: Served;
  let context: BrowserContext;
  let stub: string;

  beforeAll(async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-reading-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, 'webpack.config.js'));
    await runWebpack(config({ outDir: out, only: 'taskpane,commands' }, { mode: 'production' }));
    stub = await buildStub();
    ({ server, context } = await openBrowser([out]));
  }, 240000);

  afterAll(() => closeBrowser({ server, context }));

  async function openPane(page: Page): Promise<void> {
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.goto(server.url + 'taskpane.html');
  }

  const total = (page: Page) => page.getByTestId('main-total');
  /** Waits until the document's settings hold `expected` as the choice of columns (null: none). */
  const storedBecomes = (page: Page, expected: string | null) =>
    page.waitForFunction((e) => ((window as unknown as { __fakeOffice: Fake }).__fakeOffice.settings['cchc.columnChoices'] || null) === e, expected, { timeout: 10000 });

  test('the ambiguity shows; choosing the other column changes the totals; the choice survives a reload; "Đặt lại" forgets it', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openPane(page);
    await total(page).filter({ hasText: '1,5/2' }).waitFor({ timeout: 30000 });
    expect(await page.locator('body').getAttribute('data-host')).toBe('excel');

    // The ambiguity: a warning in the flag list, naming both columns and where to choose…
    const flag = page.getByRole('button', { name: /Chưa chắc cột/ });
    await expect(flag.innerText()).resolves.toMatch(/cột E .*cột D .*Cách đọc bảng/s);
    // …and "Cách đọc bảng" open by itself, marked, with the self-score on E for lack of anything better.
    const section = page.getByTestId('reading-section');
    expect(await section.getAttribute('data-unsure')).toBe('true');
    await expect(page.getByTestId('reading-unsure').innerText()).resolves.toBe('1 cột chưa chắc');
    const self = page.getByTestId('reading-0-self');
    await expect(self.inputValue()).resolves.toBe('4');
    await expect(self.locator('option').allInnerTexts()).resolves.toEqual([
      'A — Mã',
      'B — Nội dung',
      'C — Điểm tối đa',
      'D — Điểm tự đánh giá',
      'E — Điểm tự đánh giá',
      'F — Tài liệu kiểm chứng',
      'Không có',
    ]);
    await expect(section.innerText()).resolves.toContain('không phân biệt được các cột');
    // The flag's button leads there: the section takes the focus.
    await page.getByTestId('flag-action-ambiguous-column').click();
    await expect(page.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-testid'))).resolves.toBe('reading-section');
    await page.screenshot({ path: shot('reading-ambiguous'), fullPage: true });

    // Choosing D: scored again at once (no write), the warning gone, the choice kept in the document.
    await self.selectOption('3');
    await total(page).filter({ hasText: '2/2' }).waitFor({ timeout: 10000 });
    await expect(page.getByTestId('main-percent').innerText()).resolves.toBe('100%');
    await expect(page.getByRole('button', { name: /Chưa chắc cột/ }).count()).resolves.toBe(0);
    await expect(section.innerText()).resolves.toContain('Vì sao: do bạn chọn');
    await storedBecomes(page, JSON.stringify({ 'Bảng điểm': { self: 3 } }));
    expect(await page.evaluate(() => (window as unknown as { __fakeOffice: Fake }).__fakeOffice.cell('Bảng điểm', 'D3'))).toBeNull();
    await page.screenshot({ path: shot('reading-chosen'), fullPage: true });

    // A reload: a new session of the pane on the same document reads the choice before its first result.
    await page.reload();
    await total(page).filter({ hasText: /\/2$/ }).waitFor({ timeout: 30000 });
    await expect(total(page).innerText()).resolves.toBe('2/2');
    await expect(page.getByRole('button', { name: /Chưa chắc cột/ }).count()).resolves.toBe(0);
    const after = page.getByTestId('reading-section');
    expect(await after.getAttribute('data-unsure')).toBe('false');
    await page.getByRole('button', { name: 'Cách đọc bảng' }).click();
    await expect(page.getByTestId('reading-0-self').inputValue()).resolves.toBe('3');
    await expect(after.innerText()).resolves.toContain('Vì sao: do bạn chọn');

    // "Tính lại điểm" writes the chosen column's totals.
    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã ghi \d+ ô công thức/ })
      .waitFor({ timeout: 30000 });
    const written = await page.evaluate(() => (window as unknown as { __fakeOffice: Fake }).__fakeOffice.cell('Bảng điểm', 'D3'));
    expect(written && written.formula).toMatch(/SUM\(D4:D5\)/i);
    await page.getByRole('button', { name: 'Hoàn tác lần ghi trước' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã khôi phục \d+ ô/ })
      .waitFor({ timeout: 30000 });

    // "Đặt lại": read automatically again, and nothing kept.
    await page.getByTestId('reading-reset-0').click();
    await total(page).filter({ hasText: '1,5/2' }).waitFor({ timeout: 10000 });
    await storedBecomes(page, null);
    await page.getByRole('button', { name: /Chưa chắc cột/ }).waitFor({ timeout: 10000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the IE11 light pane (ExcelApi 1.1) recalculates with the choice the document keeps', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(
      ([key, value]) => {
        delete (window as unknown as { fetch?: unknown }).fetch;
        (window as unknown as { __cchcApiLevel: string }).__cchcApiLevel = '1.1';
        sessionStorage.setItem(key, value);
      },
      [SETTINGS_KEY, JSON.stringify({ 'cchc.columnChoices': JSON.stringify({ 'Bảng điểm': { self: 3 } }) })],
    );
    await openPane(page);
    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tính lại' }).waitFor({ timeout: 30000 });
    await expect(page.locator('body').innerText()).resolves.toMatch(/Bảng điểm: 2\/2 điểm/);
    const written = await page.evaluate(() => (window as unknown as { __fakeOffice: Fake }).__fakeOffice.cell('Bảng điểm', 'D3'));
    expect(written && written.formula).toMatch(/SUM\(D4:D5\)/i);
    expect(errors).toEqual([]);
    await page.close();
  });
});
