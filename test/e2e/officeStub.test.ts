import type { BrowserContext } from 'playwright-core';
import { buildOfficeStub, buildPane, chromiumAvailable, Served, shot, openBrowser, closeBrowser } from './harness';

/**
 * taskpane.html "inside Excel": office.js is replaced by the in-memory Excel fake on the sample,
 * so the real pane and the real Office.js gateway run. "Tính lại điểm" must write in at most two
 * syncs (one read, one write) and revert must restore every cell of the scoring sheets.
 */

const run = chromiumAvailable() ? describe : describe.skip;

interface FakeCellLike {
  value: unknown;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
}

run('task pane in Excel (Office stub on the in-memory workbook)', () => {
  let server: Served;
  let context: BrowserContext;
  let stub: string;

  beforeAll(async () => {
    const web = await buildPane();
    stub = await buildOfficeStub();
    ({ server, context } = await openBrowser([web]));
  }, 240000);

  afterAll(() => closeBrowser({ server, context }));

  test('"Tính lại điểm" writes in ≤ 2 syncs; revert restores every cell', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.goto(server.url + 'taskpane.html');
    await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
    expect(await page.locator('body').getAttribute('data-host')).toBe('excel');

    const snapshot = () =>
      page.evaluate(() => {
        const h = (window as unknown as { __fakeOffice: { sheets: Array<{ name: string; cells: { [k: string]: FakeCellLike } }> } }).__fakeOffice;
        const out: { [sheet: string]: { [k: string]: FakeCellLike } } = {};
        for (const s of h.sheets) {
          const cells: { [k: string]: FakeCellLike } = {};
          for (const k of Object.keys(s.cells)) {
            const c = s.cells[k];
            const numberFormat = c.numberFormat && c.numberFormat !== 'General' ? c.numberFormat : undefined;
            // A cell the fake materialised on a range read, with nothing in it, is an empty cell.
            if ((c.value === null || c.value === '') && !c.formula && !c.fill && !numberFormat) continue;
            cells[k] = { value: c.value, formula: c.formula, numberFormat, fill: c.fill || null };
          }
          out[s.name] = cells;
        }
        return out;
      });
    const before = await snapshot();
    await page.evaluate(() => (window as unknown as { __fakeOffice: { resetCounters(): void } }).__fakeOffice.resetCounters());

    const recalc = page.getByRole('button', { name: 'Tính lại điểm' });
    await recalc.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /Đã ghi \d+ ô công thức/ })
      .waitFor({ timeout: 30000 });
    const syncs = await page.evaluate(() => (window as unknown as { __fakeOffice: { syncCount(): number } }).__fakeOffice.syncCount());
    expect(syncs).toBeLessThanOrEqual(2);
    const written = await snapshot();
    const formulas = Object.values(written['Phụ lục 1']).filter((c) => c.formula && /SUM\(/i.test(c.formula));
    expect(formulas.length).toBeGreaterThan(0);
    expect(Object.keys(written)).toContain('Tổng hợp điểm');
    await page.screenshot({ path: shot('excel-stub-after-write'), fullPage: true });

    await page.getByRole('button', { name: 'Hoàn tác lần ghi trước' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã khôi phục \d+ ô/ })
      .waitFor({ timeout: 30000 });
    const after = await snapshot();
    for (const sheet of Object.keys(before)) expect(after[sheet]).toEqual(before[sheet]);
    await page.screenshot({ path: shot('excel-stub-after-revert'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a protected sheet: an error MessageBar in plain Vietnamese naming it, and nothing written', async () => {
    const page = await context.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.goto(server.url + 'taskpane.html');
    await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
    type Fake = { setProtected(s: string, on: boolean): void; sheet(n: string): unknown; cell(s: string, a: string): { formula?: string } | null };
    await page.evaluate(() => (window as unknown as { __fakeOffice: Fake }).__fakeOffice.setProtected('Phụ lục 1', true));
    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Phụ lục 1' });
    await alert.waitFor({ timeout: 30000 });
    await expect(alert.innerText()).resolves.toContain('đang được bảo vệ');
    await page.screenshot({ path: shot('excel-stub-protected'), fullPage: true });
    const state = await page.evaluate(() => {
      const fake = (window as unknown as { __fakeOffice: Fake }).__fakeOffice;
      return { summary: fake.sheet('Tổng hợp điểm') !== null, backup: fake.sheet('CCHC_backup') !== null, total: fake.cell('Phụ lục 1', 'D129') };
    });
    expect(state.summary).toBe(false);
    expect(state.backup).toBe(false);
    expect(state.total && state.total.formula ? state.total.formula : null).toBeNull();
    await page.close();
  });
});
