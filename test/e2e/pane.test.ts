import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { readGridFromXlsxFile } from '../../src/xlsx/node/readGridFile';
import { excelJsWorkbookFromFile } from '../helpers/excelJsOracle';
import { axeViolations, buildOfficeStub, buildPane, chromiumAvailable, ROOT, Served, shot, openBrowser, closeBrowser } from './harness';

/**
 * The task pane in a real browser (Debian's Chromium via playwright-core): standalone mode on the
 * embedded sample, an opened .xlsx and its downloaded annotated copy against the `cchc` CLI, the
 * taskpane.html fallback when office.js cannot load, and keyboard use.
 */

const run = chromiumAvailable() ? describe : describe.skip;

function cchc(args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/cchc.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

function scoreJson(file: string): { total: unknown; sheets: Array<{ name: string; total: unknown; fields: unknown[] }>; flags: Array<Record<string, unknown>> } {
  return JSON.parse(cchc(['score', file, '--json']));
}

function comparable(json: ReturnType<typeof scoreJson>) {
  return {
    total: json.total,
    sheets: json.sheets.map((s) => ({ name: s.name, total: s.total, fields: s.fields })),
    flags: json.flags.map((f) => ({ kind: f.kind, sheet: f.sheet, cell: f.cell, code: f.code })),
  };
}

run('task pane in the browser (standalone mode)', () => {
  let web: string;
  let server: Served;
  let context: BrowserContext;
  let tmp: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-'));
    web = await buildPane();
    ({ server, context } = await openBrowser([web]));
  }, 240000);

  afterAll(() => closeBrowser({ server, context }));

  async function open(page: Page, url: string): Promise<void> {
    await page.goto(server.url + url);
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });
  }

  test('standalone.html shows the sample: 68,13/74, 92,07% and its flags', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + 'standalone.html');
    await expectTotal(page);
    // Per field: 14,35/15 · 95,67%, its group in words, and its bar in the chart above the table.
    const pl1 = page.getByRole('table', { name: 'Phụ lục 1' });
    const field1 = await pl1.getByRole('row', { name: /Công tác chỉ đạo điều hành/ }).innerText();
    expect(field1).toContain('14,35/15');
    expect(field1).toContain('95,67%');
    expect(field1).toContain('Nhóm A');
    expect(await pl1.getByRole('row').filter({ hasText: '8/11' }).innerText()).toContain('Nhóm C');
    const chart = page.getByRole('img', { name: /^Biểu đồ tỷ lệ điểm theo lĩnh vực, Phụ lục 1: 1\. Công tác chỉ đạo điều hành: 95,67%, Nhóm A; / });
    expect(await chart.locator('rect').count()).toBe(7 * 2);
    // The appendices' totals as officials report them, and no sum over them.
    expect(await page.getByTestId('appendix-totals').innerText()).toMatch(/Phụ lục 1\s+68,13\/74\s+92,07%\s+Nhóm A\s+Phụ lục 2\s+2\/2\s+100%\s+Nhóm A/);
    expect(await page.getByText(/Tổng cộng các phụ lục/).count()).toBe(0);
    // Section II of the report arrives with its own chunk, just after the first result.
    await page.locator('pre').filter({ hasText: '68,13 điểm/74 điểm, đạt 92,07%' }).waitFor({ timeout: 10000 });
    // Flags grouped by kind, each a button naming its cell.
    const flags = page.getByRole('region', { name: /Các vấn đề cần xem lại/ });
    await flags.getByRole('heading', { name: /Thiếu tài liệu kiểm chứng/ }).waitFor();
    for (const cell of ['Phụ lục 1!F80', 'Phụ lục 1!F104', 'Phụ lục 1!D56', 'Phụ lục 1!D19', 'Phụ lục 1!D101']) {
      expect(await flags.getByRole('button', { name: new RegExp(cell) }).count()).toBe(1);
    }
    const missing = flags.getByRole('region', { name: /Thiếu tài liệu kiểm chứng/ });
    expect(await missing.getByRole('button').count()).toBe(2);
    expect(await missing.getByRole('heading').innerText()).toMatch(/Thiếu tài liệu kiểm chứng\s*2/);
    expect(await flags.getByRole('button', { name: /4\.1\.2/ }).count()).toBe(1);
    expect(await flags.getByRole('button', { name: /3\.1\.2/ }).innerText()).toMatch(/không phải mức điểm được phép/);
    expect(await flags.getByRole('button', { name: /1\.2\.1/ }).innerText()).toMatch(/dạng chữ/);
    // Selecting a flag shows its cell in the read-only preview.
    await flags.getByRole('button', { name: /Phụ lục 1!F80/ }).click();
    await page.getByRole('table', { name: 'Ô Phụ lục 1!F80' }).waitFor();
    expect(await page.locator('td[data-selected="true"]').count()).toBe(1);
    await page.screenshot({ path: shot('standalone-sample'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keyboard: Tab reaches "Tính lại điểm" and Enter writes; revert restores', async () => {
    const page = await context.newPage();
    await open(page, 'standalone.html');
    let focused = '';
    for (let i = 0; i < 15 && focused !== 'Tính lại điểm'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement ? (document.activeElement.textContent || '').trim() : ''));
    }
    expect(focused).toBe('Tính lại điểm');
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: /Đã ghi \d+ ô công thức/ });
    await status.waitFor({ timeout: 30000 });
    // The hand-typed wrong total of 6.1 is now a formula: its flag is gone, the totals stay.
    await expectTotal(page);
    expect(await page.getByRole('button', { name: /Phụ lục 1!D101/ }).count()).toBe(0);
    await page.screenshot({ path: shot('standalone-after-write'), fullPage: true });
    const revert = page.getByRole('button', { name: 'Hoàn tác lần ghi trước' });
    await revert.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /Đã khôi phục \d+ ô/ })
      .waitFor({ timeout: 30000 });
    expect(await page.getByRole('button', { name: /Phụ lục 1!D101/ }).count()).toBe(1);
    await page.close();
  });

  test('opening an .xlsx and "Tải xuống" gives what the cchc CLI gives', async () => {
    // The sample with a small change: the text score of 1.2.1 becomes a number.
    const source = path.join(tmp, 'Phu-luc-xa.xlsx');
    cchc(['sample', source]);
    const workbook = await excelJsWorkbookFromFile(source);
    workbook.getWorksheet('Phụ lục 1')!.getCell('D19').value = 0.5;
    await workbook.xlsx.writeFile(source);

    const page = await context.newPage();
    await open(page, 'standalone.html');
    await page.getByTestId('file-input').setInputFiles(source);
    await page.getByText('Đang xem tệp: Phu-luc-xa.xlsx').waitFor({ timeout: 30000 });
    await expectTotal(page);
    expect(await page.getByRole('button', { name: /Phụ lục 1!D19/ }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải xuống' }).click()]);
    expect(download.suggestedFilename()).toBe('Phu-luc-xa-da-cham.xlsx');
    const downloaded = path.join(tmp, 'download.xlsx');
    await download.saveAs(downloaded);
    await page.screenshot({ path: shot('standalone-opened-file'), fullPage: true });
    await page.close();

    const cliCopy = path.join(tmp, 'cli-copy.xlsx');
    cchc(['score', source, '--out', cliCopy]);
    const original = comparable(scoreJson(source));
    const fromBrowser = comparable(scoreJson(downloaded));
    const fromCli = comparable(scoreJson(cliCopy));
    expect(fromBrowser.total).toEqual(original.total);
    expect(fromBrowser.sheets).toEqual(original.sheets);
    expect(fromBrowser).toEqual(fromCli);

    // Same formulas, cell for cell, as the CLI's annotated copy; SUMs included.
    const formulas = async (file: string) => {
      const grid = await readGridFromXlsxFile(file);
      const out: string[] = [];
      for (const sheet of grid.sheets) sheet.rows.forEach((row, r) => (row || []).forEach((cell, c) => cell && cell.formula && out.push(sheet.name + '!' + r + ',' + c + '=' + cell.formula)));
      return out.sort();
    };
    const browserFormulas = await formulas(downloaded);
    expect(browserFormulas.some((f) => /SUM\(/.test(f))).toBe(true);
    expect(browserFormulas).toEqual(await formulas(cliCopy));
    expect((await readGridFromXlsxFile(downloaded)).sheets.map((s) => s.name)).toContain('Tổng hợp điểm');
  });

  test('taskpane.html outside Office (office.js cannot load) falls back to standalone mode', async () => {
    const page = await context.newPage();
    const started = Date.now();
    await open(page, 'taskpane.html');
    expect(Date.now() - started).toBeLessThan(20000);
    expect(await page.locator('body').getAttribute('data-host')).toBe('browser');
    await page.close();
  });

  test('"Năm đánh giá": typing 2022 raises the out-of-period flag count; invalid is refused; back to the title\'s 2023', async () => {
    const page = await context.newPage();
    await open(page, 'standalone.html');
    const flags = page.getByRole('region', { name: /Các vấn đề cần xem lại/ });
    const outOfPeriod = flags.getByRole('region', { name: /Tài liệu kiểm chứng ngoài năm đánh giá/ });
    const count = async () => Number((await outOfPeriod.getByRole('heading').innerText()).replace(/\D+/g, ''));
    const year = page.getByRole('spinbutton', { name: 'Năm đánh giá:' });
    expect(await year.inputValue()).toBe('2023');
    expect(await page.getByTestId('year-source').innerText()).toBe('(đọc từ tiêu đề)');
    expect(await count()).toBe(1);

    await year.fill('2022');
    await page.getByTestId('year-source').filter({ hasText: '(do bạn đặt)' }).waitFor({ timeout: 10000 });
    const raised = await count();
    expect(raised).toBeGreaterThan(20);
    expect(await outOfPeriod.getByRole('button').count()).toBe(raised);
    await expectTotal(page);
    // The downloaded copy is checked against the year the user set, as the pane shows it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải xuống' }).click()]);
    const downloaded = path.join(tmp, 'download-2022.xlsx');
    await download.saveAs(downloaded);
    const summary = (await readGridFromXlsxFile(downloaded)).sheets.find((s) => s.name === 'Tổng hợp điểm')!;
    const summaryText = summary.rows.map((row) => (row || []).map((c) => (c && typeof c.value === 'string' ? c.value : '')).join(' ')).join('\n');
    expect(summaryText.split('ngoài năm đánh giá 2022').length - 1).toBe(raised);
    expect(summaryText).not.toContain('ngoài năm đánh giá 2023');

    // Not a year from 2000 to 2100: a short message, the flags stay.
    await year.fill('1999');
    await year.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Năm phải gồm 4 chữ số, từ 2000 đến 2100.' }).waitFor();
    expect(await year.getAttribute('aria-invalid')).toBe('true');
    expect(await count()).toBe(raised);
    await page.screenshot({ path: shot('standalone-assessment-year'), fullPage: true });

    await page.getByRole('button', { name: 'Dùng năm 2023 trong tiêu đề' }).click();
    await page.getByTestId('year-source').filter({ hasText: '(đọc từ tiêu đề)' }).waitFor();
    expect(await year.inputValue()).toBe('2023');
    expect(await count()).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: 'Năm phải gồm' }).count()).toBe(0);
    await page.close();
  });

  test('at 320, 350 and 450 px: every appendix total on the first screen, no sideways scroll, the help link', async () => {
    for (const width of [320, 350, 450]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 600 });
      await open(page, 'standalone.html');
      await expectTotal(page);
      for (const id of ['main-total', 'main-percent', 'appendix-total', 'appendix-percent']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.y + box.height).toBeLessThanOrEqual(600);
      }
      // The primary action is on the first screen too.
      const recalc = (await page.getByRole('button', { name: 'Tính lại điểm' }).boundingBox())!;
      expect(recalc.y + recalc.height).toBeLessThanOrEqual(600);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: shot('first-screen-' + width) });
      await page.close();
    }
    const page = await context.newPage();
    await open(page, 'standalone.html');
    const help = page.getByRole('link', { name: /Hướng dẫn/ });
    expect(await help.getAttribute('target')).toBe('_blank');
    expect(await help.getAttribute('rel')).toMatch(/noopener/);
    expect(await help.getAttribute('href')).toBe('huong-dan.html');
    // The page is served beside the pane, in words a user reads.
    const [helpPage] = await Promise.all([context.waitForEvent('page'), help.click()]);
    await helpPage.waitForLoadState();
    expect(await helpPage.title()).toContain('Hướng dẫn');
    await expect(helpPage.locator('main').innerText()).resolves.toContain('Tính lại điểm');
    expect(await axeViolations(helpPage)).toEqual([]);
    await helpPage.close();
    await page.close();
  });

  test('at 320 px: no axe violation after load, after "Tính lại điểm", after a flag; the flag brings its cell into view', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 600 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await open(page, 'standalone.html');
    await page.locator('pre').filter({ hasText: '68,13 điểm/74 điểm' }).waitFor({ timeout: 10000 });
    expect(await axeViolations(page)).toEqual([]);

    let started = Date.now();
    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã ghi \d+ ô công thức/ })
      .waitFor({ timeout: 30000 });
    const recalcMs = Date.now() - started;
    await expectTotal(page);
    expect(await axeViolations(page)).toEqual([]);

    // A flag far down the list: its cell (column F, right of the criterion's long text) shows in the viewport.
    const flag = page.getByRole('button', { name: /Phụ lục 1!F104/ });
    await flag.scrollIntoViewIfNeeded();
    started = Date.now();
    await flag.click();
    await page.getByRole('table', { name: 'Ô Phụ lục 1!F104' }).waitFor();
    const cell = page.locator('td[data-selected="true"]');
    await page.waitForFunction(() => {
      const td = document.querySelector('td[data-selected="true"]');
      if (!td) return false;
      const r = td.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    const revealMs = Date.now() - started;
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    await page.screenshot({ path: shot('narrow-320-flag-cell') });
    expect(await axeViolations(page)).toEqual([]);
    // The preview scrolls sideways: a labelled region that takes focus.
    const region = page.getByRole('region', { name: /Xem ô trong bảng/ });
    expect(await region.getAttribute('tabindex')).toBe('0');
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-output', 'pane-narrow-timings.json'), JSON.stringify({ recalcMs, revealMs }, null, 2));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a file that is not a workbook: the catalogue's sentence, the reader's English only under 'Chi tiết kỹ thuật' (collapsed)", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 600 });
    await open(page, 'standalone.html');
    await page.getByTestId('file-input').setInputFiles({ name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a zip file at all') });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30000 });
    expect(await alert.innerText()).toMatch(/hong\.xlsx/);
    const details = page.getByTestId('error-details');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByText('no zip local header').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await details.getByText('Chi tiết kỹ thuật').click();
    await page.getByText('no zip local header').waitFor();
    await page.screenshot({ path: shot('narrow-320-error-details') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('in Excel (Office stub) at 320 px: the totals on the first screen; no axe violation after load, "Tính lại điểm" and a flag, which selects its cell', async () => {
    const stub = await buildOfficeStub();
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 600 });
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.goto(server.url + 'taskpane.html');
    await expectTotal(page);
    expect(await page.locator('body').getAttribute('data-host')).toBe('excel');
    const box = (await page.getByTestId('main-percent').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã ghi \d+ ô công thức/ })
      .waitFor({ timeout: 30000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Phụ lục 1!F80/ }).click();
    await page.waitForFunction(
      () => {
        const fake = (window as unknown as { __fakeOffice: { selection: { sheet: string; address: string } | null } }).__fakeOffice;
        return !!fake.selection && fake.selection.sheet === 'Phụ lục 1' && /F80$/.test(fake.selection.address);
      },
      undefined,
      { timeout: 10000 },
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('excel-stub-320') });
    await page.close();
  });

  test('English when the browser language is not Vietnamese (?lang=en here)', async () => {
    const page = await context.newPage();
    await page.goto(server.url + 'standalone.html?lang=en');
    await page.getByText('68.13/74', { exact: true }).first().waitFor({ timeout: 30000 });
    await page.getByText('92.07%', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Recalculate scores' }).waitFor();
    await page.getByRole('heading', { name: /Missing evidence/ }).waitFor();
    await page.screenshot({ path: shot('standalone-english'), fullPage: true });
    await page.close();
  });
});

async function expectTotal(page: Page): Promise<void> {
  await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
  await page.getByTestId('main-percent').filter({ hasText: '92,07%' }).waitFor({ timeout: 5000 });
}
