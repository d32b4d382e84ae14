import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { communeWorkbookBytes, corruptWorkbookBytes, CommuneSpec } from '../xlsx/fixtures/communes';
import { axeViolations, buildOfficeStub, buildPane, chromiumAvailable, Served, shot, openBrowser, closeBrowser } from './harness';

/**
 * "Tổng hợp nhiều xã" in a real browser (Debian's Chromium via playwright-core): several communes'
 * workbooks and a broken one chosen at once give the ranking on screen, the broken file listed with
 * its reason, and a downloadable TONG-HOP.xlsx (read back with ExcelJS); inside Excel (the Office
 * stub) the same result goes into the open workbook as new sheets, never over an existing one.
 */

const run = chromiumAvailable() ? describe : describe.skip;

/** Five communes: a tie for third place, one below every group threshold, one with an appraised score. */
const COMMUNES: Array<{ file: string; spec: CommuneSpec }> = [
  { file: 'xa-dong-hoa.xlsx', spec: { commune: 'Đông Hòa', self: '48,1' } },
  { file: 'xa-an-binh.xlsx', spec: { commune: 'An Bình', self: '70,3', appraised: '69' } },
  { file: 'xa-cam-phuc.xlsx', spec: { commune: 'Cẩm Phúc', self: '62,9' } },
  { file: 'xa-thanh-xa.xlsx', spec: { commune: 'Thanh Xá' } },
  { file: 'xa-binh-minh.xlsx', spec: { commune: 'Bình Minh', self: '62,9' } },
];
const BROKEN = 'xa-hong.xlsx';

/** What a district official expects to read: rank, commune, group (kept beside the commune on a narrow pane), self, %, appraised, %. */
const EXPECTED_RANKING = [
  ['1', 'xã An Bình', 'A', '70,3', '95%', '69', '93,24%'],
  ['2', 'xã Thanh Xá', 'A', '68,13', '92,07%', '–', ''],
  ['3', 'xã Bình Minh', 'B', '62,9', '85%', '–', ''],
  ['3', 'xã Cẩm Phúc', 'B', '62,9', '85%', '–', ''],
  ['5', 'xã Đông Hòa', 'Dưới 70%', '48,1', '65%', '–', ''],
];

async function rankingOnScreen(page: Page): Promise<string[][]> {
  return page.getByTestId('ranking-row').evaluateAll((rows) =>
    rows.map(
      (tr) =>
        Array.prototype.map.call(tr.children, (cell: Element, i: number) => {
          // The commune cell also shows the file name underneath; the name is its first text.
          if (i === 1) return (cell.firstChild && cell.firstChild.textContent ? cell.firstChild.textContent : '').trim();
          return (cell.textContent || '').trim();
        }) as string[],
    ),
  );
}

/** Every text the progress line shows while the files are read (it may pass quickly). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="consolidate-progress"]');
      if (el && el.textContent && seen[seen.length - 1] !== el.textContent) seen.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

run('consolidation of many communes in the task pane', () => {
  let server: Served;
  let context: BrowserContext;
  let tmp: string;
  let files: string[];
  let stub: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-consolidate-'));
    files = [];
    for (const c of COMMUNES) {
      const file = path.join(tmp, c.file);
      fs.writeFileSync(file, await communeWorkbookBytes(c.spec));
      files.push(file);
    }
    const broken = path.join(tmp, BROKEN);
    fs.writeFileSync(broken, await corruptWorkbookBytes());
    files.splice(2, 0, broken);
    const web = await buildPane();
    stub = await buildOfficeStub();
    ({ server, context } = await openBrowser([web]));
  }, 240000);

  afterAll(() => closeBrowser({ server, context }));

  test('standalone: six files at once give the ranking, the broken file with its reason, and TONG-HOP.xlsx', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(path.basename(new URL(r.url()).pathname));
    });
    await page.goto(server.url + 'standalone.html');
    await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
    // The consolidation code is fetched only once files are chosen.
    expect(scripts.filter((s) => /^consolidate\./.test(s))).toEqual([]);

    const section = page.getByRole('region', { name: 'Tổng hợp nhiều xã' });
    await section.getByRole('button', { name: 'Chọn các tệp .xlsx…' }).waitFor();
    await watchProgress(page);
    await page.getByTestId('consolidate-input').setInputFiles(files);
    const table = page.getByRole('table', { name: 'Xếp hạng 5 xã theo điểm tự đánh giá' });
    await table.waitFor({ timeout: 60000 });
    expect(scripts.filter((s) => /^consolidate\./.test(s)).length).toBe(1);

    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(p).toMatch(/^Đã đọc [0-6]\/6 tệp$/);

    expect(await rankingOnScreen(page)).toEqual(EXPECTED_RANKING);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Xếp hạng', 'Xã', 'Nhóm', 'Tự đánh giá', 'Tỷ lệ', 'Thẩm định', 'Tỷ lệ']);
    // The ranking as a chart too, in words for screen readers.
    await page.getByRole('img', { name: /^Biểu đồ tỷ lệ điểm các xã: 1\. xã An Bình: 95%, Nhóm A; .*5\. xã Đông Hòa: 65%, Dưới 70%\.$/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Each commune's file is named under it, so an official can tell which file a row came from.
    expect(await table.getByRole('rowheader', { name: /Thanh Xá/ }).innerText()).toContain('xa-thanh-xa.xlsx');

    const failed = page.getByTestId('failed-files');
    expect(await failed.getByRole('listitem').count()).toBe(1);
    const reason = await failed.getByRole('listitem').innerText();
    expect(reason).toContain(BROKEN);
    expect(reason).toMatch(/bị hỏng|không đọc được/);
    await page.getByText('Tệp không dùng được (1)').waitFor();

    // Stricter groups: A from 95%, B from 90%, C from 85% (typed with a comma on purpose).
    await page.getByLabel('Nhóm A từ').fill('95');
    await page.getByLabel('Nhóm B từ').fill('90');
    await page.getByLabel('Nhóm C từ').fill('85,0');
    await section.getByRole('button', { name: 'Áp dụng' }).click();
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid="ranking-row"]');
      return rows.length === 5 && (rows[1].children[2].textContent || '').trim() === 'B';
    });
    expect((await rankingOnScreen(page)).map((r) => r[2])).toEqual(['A', 'B', 'C', 'C', 'Dưới 85%']);
    expect(await axeViolations(page)).toEqual([]);

    await page.screenshot({ path: shot('consolidation-standalone'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Tải xuống TONG-HOP.xlsx' }).click()]);
    expect(download.suggestedFilename()).toBe('TONG-HOP.xlsx');
    const saved = path.join(tmp, 'TONG-HOP.xlsx');
    await download.saveAs(saved);
    await page.getByText('Đã tải xuống TONG-HOP.xlsx.').waitFor();
    expect(errors).toEqual([]);
    await page.close();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp xếp hạng', 'Danh sách vấn đề']);
    const texts = (ws: ExcelJS.Worksheet): string[][] => {
      const out: string[][] = [];
      ws.eachRow((row) =>
        out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : String(v)))),
      );
      return out;
    };
    const ranking = texts(wb.worksheets[0]);
    // One row per commune, in rank order, each naming its file.
    const communeRows = ranking.filter((r) => COMMUNES.some((c) => r.includes(c.file)));
    expect(communeRows.map((r) => 'xã ' + COMMUNES.find((c) => r.includes(c.file))!.spec.commune)).toEqual(EXPECTED_RANKING.map((r) => r[1]));
    // The broken file is listed in the workbook too.
    expect(ranking.some((r) => r.includes(BROKEN))).toBe(true);
    // Every flag of every commune with its file, sheet and cell.
    const flagRows = texts(wb.worksheets[1]);
    for (const c of COMMUNES) expect(flagRows.some((r) => r.includes(c.file) && r.includes('Phụ lục 1') && r.some((v) => /^[A-Z]+\d+$/.test(v)))).toBe(true);
  });

  test('at 320 px: commune and group stay in the viewport while the figures scroll; names wrap between words; no axe violation', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.url + 'standalone.html');
    await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
    const started = Date.now();
    await page.getByTestId('consolidate-input').setInputFiles(files);
    const table = page.getByRole('table', { name: 'Xếp hạng 5 xã theo điểm tự đánh giá' });
    await table.waitFor({ timeout: 60000 });
    const consolidateMs = Date.now() - started;
    const scroller = page.getByRole('region', { name: /Bảng xếp hạng/ });
    expect(await scroller.getAttribute('tabindex')).toBe('0');
    await scroller.scrollIntoViewIfNeeded();
    const inViewport = async (name: string) => {
      const box = (await table.getByRole('columnheader', { name, exact: true }).boundingBox())!;
      return box.x >= 0 && box.x + box.width <= 320;
    };
    expect(await inViewport('Xã')).toBe(true);
    expect(await inViewport('Nhóm')).toBe(true);
    const rowHeader = table.getByRole('rowheader', { name: /Đông Hòa/ });
    const communeBox = (await rowHeader.boundingBox())!;
    expect(communeBox.x + communeBox.width).toBeLessThanOrEqual(320);
    await page.screenshot({ path: shot('consolidation-320') });
    // Scrolled to the last column: commune and group are where they were, the last figure is in view.
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    expect(await inViewport('Xã')).toBe(true);
    expect(await inViewport('Nhóm')).toBe(true);
    const lastHeader = (await table.getByRole('columnheader').last().boundingBox())!;
    expect(lastHeader.x + lastHeader.width).toBeLessThanOrEqual(321);
    await page.screenshot({ path: shot('consolidation-320-scrolled') });
    // Names break between words: every line of a commune's name or file name starts where a word does.
    const breaksInsideWords = await page.evaluate(() => {
      const bad: string[] = [];
      document.querySelectorAll('[data-testid="ranking-row"] th').forEach((th) => {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent || '';
          let lastTop: number | null = null;
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const rect = range.getBoundingClientRect();
            if (!rect.width) continue;
            if (lastTop !== null && rect.top > lastTop + 2 && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]) && /[\p{L}\p{N}]/u.test(text[i])) bad.push(text);
            lastTop = rect.top;
          }
        }
      });
      return bad;
    });
    expect(breaksInsideWords).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    fs.mkdirSync(path.join(__dirname, '..', '..', 'test-output'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '..', '..', 'test-output', 'consolidation-narrow-timings.json'), JSON.stringify({ consolidateMs }, null, 2));
    await page.close();
  });

  test('in Excel (Office stub): "Ghi vào sổ làm việc" adds new sheets, a second time beside the first', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.goto(server.url + 'taskpane.html');
    await page.getByTestId('main-total').filter({ hasText: '68,13/74' }).waitFor({ timeout: 30000 });
    expect(await page.locator('body').getAttribute('data-host')).toBe('excel');
    type Fake = { sheets: Array<{ name: string; cells: { [k: string]: { value: unknown; formula?: string } } }> };
    const sheetsNow = () => page.evaluate(() => (window as unknown as { __fakeOffice: Fake }).__fakeOffice.sheets.map((s) => s.name));
    const userSheet = () => page.evaluate(() => JSON.stringify((window as unknown as { __fakeOffice: Fake }).__fakeOffice.sheets.find((s) => s.name === 'Phụ lục 1')));
    const before = await userSheet();

    const section = page.getByRole('region', { name: 'Tổng hợp nhiều xã' });
    await page.getByTestId('consolidate-input').setInputFiles(files);
    await page.getByRole('table', { name: 'Xếp hạng 5 xã theo điểm tự đánh giá' }).waitFor({ timeout: 60000 });
    expect(await section.getByRole('button', { name: 'Tải xuống TONG-HOP.xlsx' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const write = section.getByRole('button', { name: 'Ghi vào sổ làm việc' });

    await write.click();
    await section.getByText('Đã thêm vào sổ làm việc các trang: "Tổng hợp xếp hạng", "Danh sách vấn đề".').waitFor({ timeout: 30000 });
    await write.click();
    await section.getByText('Đã thêm vào sổ làm việc các trang: "Tổng hợp xếp hạng (2)", "Danh sách vấn đề (2)".').waitFor({ timeout: 30000 });
    expect(await axeViolations(page)).toEqual([]);
    const names = await sheetsNow();
    expect(names).toEqual(expect.arrayContaining(['Phụ lục 1', 'Phụ lục 2', 'Tổng hợp xếp hạng', 'Danh sách vấn đề', 'Tổng hợp xếp hạng (2)', 'Danh sách vấn đề (2)']));
    expect(await userSheet()).toBe(before);
    const communesWritten = await page.evaluate(() => {
      const s = (window as unknown as { __fakeOffice: Fake }).__fakeOffice.sheets.find((x) => x.name === 'Tổng hợp xếp hạng')!;
      return Object.keys(s.cells)
        .map((k) => s.cells[k].value)
        .filter((v) => typeof v === 'string');
    });
    for (const c of COMMUNES) expect(communesWritten.some((v) => (v as string).indexOf(c.spec.commune as string) >= 0)).toBe(true);
    await page.screenshot({ path: shot('consolidation-excel-stub'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
