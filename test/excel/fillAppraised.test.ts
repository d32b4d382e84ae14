import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { planFillAndRecalculate } from '../../src/app/fillAppraised';
import { unitsToNumber } from '../../src/core/number/points';
import { CellWrite } from '../../src/core/plan/types';
import { createExcelHost } from '../../src/excel/officeGateway';
import { writeContent } from '../../src/excel/planCells';
import { fakeInitFromGrid, FakeOfficeHandle, installFakeOffice } from '../helpers/fakeExcel';
import { fillSheet } from '../core/appraisal/appraisalGrid';
import { workbook } from '../helpers/gridBuilder';

const LEVELS = ['1.1', '1.9', '1.20'] as const;

/** Every cell of the scoring sheet as formula-or-value and number format. */
function cells(fake: FakeOfficeHandle, name: string): string {
  const s = fake.sheet(name)!;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(s.cells).sort()) {
    const c = s.cells[k];
    const v = c.formula ? c.formula : c.value;
    if ((v === null || v === '') && (!c.numberFormat || c.numberFormat === 'General')) continue;
    out[k] = [v, c.numberFormat || 'General'];
  }
  return JSON.stringify(out);
}

describe.each(LEVELS)("appraiser's fill through the Office.js gateway at ExcelApi %s", (level) => {
  function install() {
    const g: Record<string, unknown> = {};
    // The fake has no merges: E18 (1.11) is an ordinary blank cell here and is filled too.
    const fake = installFakeOffice(g, fakeInitFromGrid(workbook(fillSheet([]))), { apiLevel: level });
    const host = createExcelHost({ globals: g, debounceMs: 5 });
    return { fake, host };
  }

  test('writes the self-scores as constants into the blank appraised cells, with the totals, in one write; revert restores every cell', async () => {
    const { fake, host } = install();
    const grid = await host.readWorkbook();
    const before = cells(fake, 'PL1');
    const { plan, fill } = planFillAndRecalculate(grid, { profile: null });
    expect(fill.cells).toBe(5);
    fake.resetCounters();
    const report = await host.applyPlan(plan, { highlights: true });
    expect(report.written).toBe(plan.writes.length);
    // One write sync at every level: from 1.9 the new summary sheet's print layout and from 1.18 the notes in it.
    expect(fake.syncCount()).toBe(1);
    // Constants, as if typed: a number stays a number, the level mark is text; no formula.
    expect(fake.cell('PL1', 'E4')).toMatchObject({ value: 1 });
    expect(fake.cell('PL1', 'E4')!.formula).toBeUndefined();
    expect(fake.cell('PL1', 'E7')).toMatchObject({ value: 'x' });
    expect(fake.cell('PL1', 'E7')!.formula).toBeUndefined();
    expect(fake.cell('PL1', 'E9')!.value).toBe(0.5);
    expect(fake.cell('PL1', 'E19')!.value).toBe(0);
    // The appraiser's own cells are as they were.
    expect(fake.cell('PL1', 'E5')!.value).toBe(0.5);
    expect(fake.cell('PL1', 'E10')!.value).toBe('-');
    expect(fake.cell('PL1', 'E15')!.value).toBe('x');
    expect(fake.cell('PL1', 'E14')).toBeNull();
    // The parent's appraised total is a live SUM that Excel computes from the filled cells.
    expect(fake.cell('PL1', 'E3')!.formula).toMatch(/^=SUM\(/);
    expect(fake.displayed('PL1', 'E3') as number).toBeCloseTo(4, 9);
    // Read back, the workbook scores the filled criteria alike in both columns.
    const after = analyseAndPlan(await host.readWorkbook(), { profile: null });
    expect(unitsToNumber(after.sheets[0].fields[0].appraised!)).toBe(4);
    expect(after.plan.writes).toEqual([]);

    const reverted = await host.revertLastWrite();
    expect(reverted.restored).toBe(plan.writes.length);
    expect(cells(fake, 'PL1')).toBe(before);
    expect(fake.cell('PL1', 'E4') === null || fake.cell('PL1', 'E4')!.value === null).toBe(true);
  });

  test('a co-author who types into a cell between read and write: nothing is written', async () => {
    const { fake, host } = install();
    const grid = await host.readWorkbook();
    const { plan } = planFillAndRecalculate(grid, { profile: null });
    const before = cells(fake, 'PL1');
    fake.beforeSync = (n) => {
      if (n === 1) fake.edit('PL1', 'E4', 0.25);
    };
    fake.resetCounters();
    await expect(host.applyPlan(plan, { highlights: false })).rejects.toMatchObject({ code: 'changed-since-read' });
    fake.beforeSync = null;
    // The appraiser's 0,25 stays, no tool sheet is left behind, and every other cell is as before.
    expect(fake.cell('PL1', 'E4')!.value).toBe(0.25);
    expect(fake.sheet('CCHC_backup')).toBeNull();
    expect(fake.sheet('Tổng hợp điểm')).toBeNull();
    fake.edit('PL1', 'E4', null);
    expect(cells(fake, 'PL1')).toBe(before);
  });
});

describe('what Range.formulas receives for a write', () => {
  const base = { sheet: 'S', row: 0, col: 0, address: 'A1', previous: { value: null } };
  test('a formula gets its "=", a number stays a number, text stays text (never parsed as a formula)', () => {
    expect(writeContent({ ...base, purpose: 'parent-total', formula: 'SUM(A2:A3)', result: 1 } as CellWrite)).toBe('=SUM(A2:A3)');
    expect(writeContent({ ...base, purpose: 'appraised-fill', value: 0.5 })).toBe(0.5);
    expect(writeContent({ ...base, purpose: 'appraised-fill', value: 'x' })).toBe('x');
    expect(writeContent({ ...base, purpose: 'appraised-fill', value: '=1+1' })).toBe("'=1+1");
  });
});
