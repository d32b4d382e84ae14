import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { readGridFromXlsxFile } from '../../src/xlsx/node/readGridFile';
import { excelJsWorkbookFromFile } from '../helpers/excelJsOracle';
import { buildPane, chromiumAvailable, ROOT, Served, shot, openBrowser, closeBrowser } from './harness';

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
    // Per field: 14,35/15 · 95,67% and its bar.
    const pl1 = page.getByRole('table', { name: 'Phụ lục 1' });
    const field1 = await pl1.getByRole('row', { name: /Công tác chỉ đạo điều hành/ }).innerText();
    expect(field1).toContain('14,35/15');
    expect(field1).toContain('95,67%');
    expect(await pl1.getByRole('progressbar').count()).toBe(8);
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
