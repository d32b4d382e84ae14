import { analyseWorkbook } from '../../../src/core/analyse';
import { hasAppraisedColumn, planFillAndRecalculate, planFillAppraised } from '../../../src/core/appraisal/fillAppraised';
import { cellAt } from '../../../src/core/grid';
import { unitsToNumber } from '../../../src/core/number/points';
import { applyPlanToGrid } from '../../../src/core/plan/applyToGrid';
import { HEADER, sheet, workbook } from '../../helpers/gridBuilder';
import { evaluateCell } from '../../helpers/formulaEvaluator';
import { fillSheet } from './appraisalGrid';

describe("appraiser's mode: filling the appraised column from the self-scores", () => {
  const grid = workbook(fillSheet());
  const analysis = analyseWorkbook(grid, { profile: null });
  const plan = planFillAppraised(analysis, grid);

  test('fills only the blank appraised cells of leaves and of the tier row that carries the self-score', () => {
    expect(plan.writes.map((w) => [w.address, w.value])).toEqual([
      ['E4', 1],
      ['E7', 'x'],
      ['E9', 0.5],
      ['E19', 0],
    ]);
    expect(plan.fill).toEqual({ cells: 4, criteria: 4 });
    for (const w of plan.writes) {
      expect(w.purpose).toBe('appraised-fill');
      expect(w.formula).toBeUndefined();
      expect(w.sheet).toBe('PL1');
      expect(w.col).toBe(4);
      // never a cell that holds anything
      expect(cellAt(grid.sheets[0], w.row, w.col)).toBeNull();
    }
    expect(plan.highlights).toEqual([]);
  });

  test("never overwrites or joins an appraiser's value, never a parent, a survey or an uncopyable self-score", () => {
    const written = plan.writes.map((w) => w.address);
    // 1.2 appraised; 1.5 "-"; 1.8 another level chosen; 1.9 a formula; 1.10 spaces; 1.11 merged; 1.6 and 1.7 nothing to copy
    for (const a of ['E5', 'E10', 'E13', 'E14', 'E15', 'E16', 'E17', 'E18', 'E11', 'E12', 'E3', 'E20', 'E21', 'E22']) expect(written).not.toContain(a);
  });

  test('the fill and its recalculation are one plan; afterwards each filled criterion has its self-score as appraised score', () => {
    const both = planFillAndRecalculate(grid, { profile: null });
    expect(both.fill).toEqual({ cells: 4, criteria: 4 });
    const fills = both.plan.writes.filter((w) => w.purpose === 'appraised-fill');
    expect(fills.map((w) => w.address)).toEqual(['E4', 'E7', 'E9', 'E19']);
    // The parent's appraised SUM is part of the same plan, and evaluates to the new total.
    const parent = both.plan.writes.find((w) => w.address === 'E3')!;
    expect(parent.purpose).toBe('parent-total');
    const after = applyPlanToGrid(grid, both.plan);
    const again = analyseWorkbook(after, { profile: null });
    const byCode = Object.fromEntries(again.sheets[0].score.nodes.map((n) => [n.node.code, n]));
    for (const code of ['1.1', '1.3', '1.4', '1.12']) expect(byCode[code].appraised!.units).toBe(byCode[code].self.units);
    // 1 (1.1, filled) + 0,5 (1.2) + 1 (1.3, filled) + 0,5 (1.4, filled) + 0 (1.8 "Không đạt"); the rest stay 0.
    expect(unitsToNumber(again.sheets[0].fields[0].appraised!)).toBe(3);
    expect(evaluateCell(after.sheets[0], 2, 4)).toBeCloseTo(3, 9);
    expect(again.plan.writes).toEqual([]);
    // The differences left are the appraiser's own.
    expect(again.differences.map((d) => d.code)).toEqual(['1.2', '1.8']);
  });

  test('a second fill finds nothing to fill', () => {
    const once = applyPlanToGrid(grid, planFillAndRecalculate(grid, { profile: null }).plan);
    const second = planFillAndRecalculate(once, { profile: null });
    expect(second.plan.writes).toEqual([]);
    expect(second.fill).toEqual({ cells: 0, criteria: 0 });
  });

  test('a workbook without an appraised column has no appraiser mode and nothing to fill', () => {
    const plain = workbook(sheet('S', [HEADER, ['1', 'Lĩnh vực', 1, null], ['1.1', 'Tiêu chí', 1, 1, 'KH']]));
    const a = analyseWorkbook(plain, { profile: null });
    expect(hasAppraisedColumn(a)).toBe(false);
    expect(hasAppraisedColumn(analysis)).toBe(true);
    expect(planFillAppraised(a, plain).writes).toEqual([]);
  });
});
