import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { appraisedSampleBytes } from '../xlsx/fixtures/appraisedSample';
import { buildPane, chromiumAvailable, Served, shot, openBrowser, closeBrowser } from './harness';

/**
 * The appraisal in the pane, in a real browser (standalone mode): an .xlsx returned by the district
 * shows its differences (a click selects the appraised cell) and the points lost per field; the
 * appraiser's mode fills the empty appraised cells of field 7 and "revert" takes the fill back.
 */

const run = chromiumAvailable() ? describe : describe.skip;

run('appraisal in the task pane (standalone mode)', () => {
  let server: Served;
  let context: BrowserContext;
  let file: string;
  let zeroed: Array<{ code: string; row: number; self: number }>;

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-appraisal-'));
    const built = await appraisedSampleBytes({ unappraisedField: '7' });
    zeroed = built.zeroed;
    file = path.join(tmp, 'tham-dinh.xlsx');
    fs.writeFileSync(file, built.bytes);
    ({ server, context } = await openBrowser([await buildPane()]));
  }, 240000);

  afterAll(() => closeBrowser({ server, context }));

  test('differences select their cell; the fill writes the empty appraised cells only and reverts', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + 'standalone.html');
    await page.getByText('68,13/74', { exact: true }).first().waitFor({ timeout: 30000 });
    // The sample has no appraised column: no appraisal section.
    expect(await page.getByRole('heading', { name: 'Thẩm định', exact: true }).count()).toBe(0);

    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByText('Đang xem tệp: tham-dinh.xlsx').waitFor({ timeout: 30000 });
    await page.getByRole('heading', { name: 'Thẩm định', exact: true }).waitFor();
    await page.getByText('Chênh lệch điểm thẩm định (2)').waitFor();
    const lost = zeroed.reduce((a, z) => a + z.self, 0);
    expect(await page.getByTestId('appraised-total').innerText()).toContain('Tổng điểm thẩm định');
    expect(await page.getByText(/Chưa thẩm định: \d+ tiêu chí\./).count()).toBe(1);

    // A difference is a button that selects the appraised cell (column I) of its row.
    await page.getByRole('button', { name: new RegExp('^' + zeroed[0].code.replace(/\./g, '\\.') + ' ') }).click();
    await page
      .getByText('Ô Phụ lục 1!I' + (zeroed[0].row + 1))
      .first()
      .waitFor({ timeout: 10000 });

    // Appraiser's mode: the button appears only once the switch is on.
    const fill = page.getByRole('button', { name: 'Điền điểm thẩm định từ điểm tự chấm (chỉ ô trống)' });
    expect(await fill.count()).toBe(0);
    await page.getByRole('switch', { name: 'Chế độ thẩm định' }).click();
    await fill.click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã điền \d+ ô điểm thẩm định/ })
      .waitFor({ timeout: 30000 });
    expect(await page.getByText(/Chưa thẩm định: \d+ tiêu chí\./).count()).toBe(0);
    // Field 7 now carries its self-score (10) as appraised: only the two zeroed criteria still differ.
    await page.getByText('Chênh lệch điểm thẩm định (2)').waitFor();
    const appraisedTotal = (68.13 - lost).toFixed(2).replace('.', ',').replace(/,?0+$/, '');
    expect(await page.getByTestId('appraised-total').innerText()).toContain(appraisedTotal + '/74');
    await page.screenshot({ path: shot('standalone-appraisal-filled'), fullPage: true });

    await page.getByRole('button', { name: 'Hoàn tác lần ghi trước' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã khôi phục \d+ ô/ })
      .waitFor({ timeout: 30000 });
    expect(await page.getByText(/Chưa thẩm định: \d+ tiêu chí\./).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
