import { fillAndRecalculate } from '../../src/app/fillAndRecalculate';
import { cellAt } from '../../src/core/grid';
import { GridHost } from '../helpers/gridHost';
import { sheet, workbook } from '../helpers/gridBuilder';
import { fillSheet } from '../core/appraisal/appraisalGrid';
import { cellsOf, officeWorkbook } from './officeFixture';
import { revert } from '../../src/app/revert';

/** The appraiser's fill (src/app/fillAndRecalculate.ts): fill and recalculation in one write, through the recalculation's write path. */

describe("the appraiser's fill", () => {
  test("one read and one write holding the fill and the parents' totals; the result is the filled workbook's", async () => {
    const host = new GridHost(workbook(fillSheet()));
    const r = await fillAndRecalculate(host, { lang: 'vi', columns: null });
    expect(r).toMatchObject({ written: true, noTable: false, nothingToFill: false, fill: { cells: 4, criteria: 4 } });
    expect(host.reads).toBe(1);
    expect(host.writes).toHaveLength(1);
    const plan = host.writes[0].plan;
    expect(plan.writes.filter((w) => w.purpose === 'appraised-fill').map((w) => w.address)).toEqual(['E4', 'E7', 'E9', 'E19']);
    expect(plan.writes.some((w) => w.purpose === 'parent-total' && w.address === 'E3')).toBe(true);
    expect(host.writes[0].options.highlights).toBe(true);
    expect(cellAt(r.grid.sheets[0], 3, 4)!.value).toBe(1);
    expect(r.analysis.sheets[0].score.nodes.length).toBeGreaterThan(0);
  });

  test('nothing left to fill, or no scoring table: nothing is written', async () => {
    const host = new GridHost(workbook(fillSheet()));
    await fillAndRecalculate(host, { lang: 'vi' });
    const second = await fillAndRecalculate(host, { lang: 'vi' });
    expect(second).toMatchObject({ written: false, noTable: false, nothingToFill: true, plan: null, fill: { cells: 0 } });
    expect(host.writes).toHaveLength(1);

    const empty = new GridHost(workbook(sheet('Ghi chú', [['Không có bảng điểm ở đây']])));
    const none = await fillAndRecalculate(empty, { lang: 'vi' });
    expect(none).toMatchObject({ written: false, noTable: true, nothingToFill: false });
    expect(empty.writes).toHaveLength(0);
  });

  test.each(['1.1', '1.9'])('on the Office fake at ExcelApi %s: one write sync, and one revert undoes fill and totals', async (level) => {
    const w = officeWorkbook(workbook(fillSheet()), level);
    await w.host.readWorkbook(); // the sheet names, learnt once per document
    const before = cellsOf(w.fake);
    w.fake.resetCounters();
    const r = await fillAndRecalculate(w.host, { lang: 'vi', highlights: false });
    expect(r.written).toBe(true);
    expect(w.fake.syncCount()).toBe(2); // one read, one write (from ExcelApi 1.9 with the new summary sheet's print layout)
    expect(w.fake.cell('PL1', 'E4')!.value).toBe(1);
    expect(w.fake.cell('PL1', 'E3')!.formula).toMatch(/^=SUM\(/);
    await revert(w.host);
    const after = cellsOf(w.fake);
    expect(after['PL1']).toEqual(before['PL1']);
  });
});
