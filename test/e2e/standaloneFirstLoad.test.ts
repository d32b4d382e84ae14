import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { buildPane, chromiumAvailable, closeBrowser, openBrowser, Served } from './harness';

/**
 * What a user's browser fetches before the standalone page shows the sample's first result: within
 * the same budget as the first load in Excel (165,188 B of gzipped script), and never ExcelJS, which
 * comes only when the sample's file is needed (a write or a download). Opening a file fetches the
 * reader and jszip, still not ExcelJS.
 */
const FIRST_LOAD_BUDGET_BYTES = 165188;

const run = chromiumAvailable() ? describe : describe.skip;

run('the standalone page loads only what its first result needs', () => {
  let server: Served;
  let context: BrowserContext;
  let dir: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-first-'));

  beforeAll(async () => {
    dir = await buildPane();
    ({ server, context } = await openBrowser([dir]));
  }, 300000);

  afterAll(async () => {
    await closeBrowser({ server, context });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Script files the page has fetched so far, by name. */
  function recordScripts(page: Page): string[] {
    const fetched: string[] = [];
    page.on('response', (response) => {
      const name = new URL(response.url()).pathname.replace(/^\//, '');
      if (/\.js$/.test(name)) fetched.push(name);
    });
    return fetched;
  }

  const gzipped = (name: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, name)), { level: 9 }).length;

  test('the sample totals appear within the budget and without ExcelJS; a write then fetches it', async () => {
    const page = await context.newPage();
    const fetched = recordScripts(page);
    await page.goto(server.url + 'standalone.html');
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 60000 });
    const firstLoad = fetched.slice();
    const bytes = firstLoad.reduce((sum, name) => sum + gzipped(name), 0);
    expect(firstLoad.filter((n) => /^exceljs\./.test(n))).toEqual([]);
    expect(firstLoad.filter((n) => /^jszip\./.test(n))).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    // Record the figure beside the screenshots for the closing note and the bench.
    fs.mkdirSync(path.join(__dirname, '..', '..', 'test-output'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '..', '..', 'test-output', 'standalone-first-load.json'), JSON.stringify({ scripts: firstLoad, gzipBytes: bytes, budget: FIRST_LOAD_BUDGET_BYTES }, null, 2));

    await page.getByRole('button', { name: 'Tính lại điểm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã ghi \d+ ô công thức/ })
      .waitFor({ timeout: 60000 });
    expect(fetched.some((n) => /^exceljs\./.test(n))).toBe(true);
    await page.getByText('68,13/74', { exact: true }).first().waitFor();
    await page.close();
  });

  test('opening a file fetches the reader and jszip, not ExcelJS, and scores it', async () => {
    const page = await context.newPage();
    const fetched = recordScripts(page);
    await page.goto(server.url + 'standalone.html');
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 60000 });
    const file = path.join(tmp, 'Phu-luc-xa.xlsx');
    fs.writeFileSync(file, await sampleWorkbookBytes());
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByText('Phu-luc-xa.xlsx').first().waitFor({ timeout: 60000 });
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 60000 });
    expect(fetched.some((n) => /^xlsx-read\./.test(n))).toBe(true);
    expect(fetched.some((n) => /^jszip\./.test(n))).toBe(true);
    expect(fetched.filter((n) => /^exceljs\./.test(n))).toEqual([]);
    await page.close();
  });
});
