import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { hostileCases } from '../helpers/hostileXlsx';
import { findSoffice, libreOfficeConvert } from '../helpers/xlsFiles';
import { buildPane, chromiumAvailable, closeBrowser, openBrowser, Served, shot } from './harness';

/**
 * Files a user opens in browser mode, as an attacker or another generator would make them: the page
 * shows one message for a hostile file and keeps working (the next file opens and scores), a merge
 * naming the rest of the sheet scores as the file without it, and an Excel 97-2003 .xls scores as
 * its .xlsx.
 */

const run = chromiumAvailable() ? describe : describe.skip;

run('hostile and legacy files opened in the browser', () => {
  let server: Served;
  let context: BrowserContext;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-hostile-'));
  const files: Record<string, string> = {};

  beforeAll(async () => {
    const sample = await sampleWorkbookBytes();
    const cases = await hostileCases(sample, { bombMiB: 256 });
    const pick = (id: string) => {
      const c = cases.find((x) => x.id === id);
      if (!c) throw new Error('no hostile case ' + id);
      const file = path.join(tmp, id + '.xlsx');
      fs.writeFileSync(file, c.bytes);
      files[id] = file;
    };
    ['merge-A200-XFD1048576', 'row-2000000000', 'zip-bomb-lying-sizes', 'merges-100000-overlapping'].forEach(pick);
    files.good = path.join(tmp, 'Phu-luc-xa.xlsx');
    fs.writeFileSync(files.good, sample);
    const soffice = findSoffice();
    if (soffice) [files.xls] = await libreOfficeConvert(soffice, [files.good], 'xls', path.join(tmp, 'xls'), 90000);
    ({ server, context } = await openBrowser([await buildPane()]));
  }, 300000);

  afterAll(() => closeBrowser({ server, context }));

  async function open(page: Page, file: string): Promise<void> {
    await page.getByTestId('file-input').setInputFiles(file);
  }

  test('each hostile file gives its message; the page stays alive and the next file scores', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('crash', () => errors.push('page crashed'));
    await page.goto(server.url + 'standalone.html');
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });

    const refused: Array<[string, RegExp]> = [
      ['row-2000000000', /hàng số 2\.000\.000\.000, vượt giới hạn 1\.048\.576 hàng/],
      ['zip-bomb-lying-sizes', /quá lớn: khi giải nén vượt 100 MB/],
      ['merges-100000-overlapping', /vùng ô gộp/],
    ];
    for (const [id, message] of refused) {
      await open(page, files[id]);
      await page.getByText(message).first().waitFor({ timeout: 60000 });
      // Still usable: the good file opens and scores.
      await open(page, files.good);
      await page.getByText('Đang xem tệp: Phu-luc-xa.xlsx').waitFor({ timeout: 30000 });
      await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });
    }

    // A merge over the rest of the sheet is clipped to the cells: scored as the sample.
    await open(page, files['merge-A200-XFD1048576']);
    await page.getByText('Đang xem tệp: merge-A200-XFD1048576.xlsx').waitFor({ timeout: 30000 });
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: shot('standalone-hostile-merge'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240000);

  (findSoffice() ? test : test.skip)(
    'an Excel 97-2003 .xls opens, scores as its .xlsx and downloads as .xlsx',
    async () => {
      const page = await context.newPage();
      await page.goto(server.url + 'standalone.html');
      await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });
      await open(page, files.xls);
      await page.getByText('Đang xem tệp: Phu-luc-xa.xls').waitFor({ timeout: 60000 });
      await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải xuống' }).click()]);
      expect(download.suggestedFilename()).toBe('Phu-luc-xa-da-cham.xlsx');
      const saved = path.join(tmp, 'download.xlsx');
      await download.saveAs(saved);
      expect(fs.readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
      await page.close();
    },
    180000,
  );
});
