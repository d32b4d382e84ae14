import { analyseWorkbook } from '../../../src/core/analyse';
import { planWorkbook } from '../../../src/core/plan';
import { applyPlanToGrid } from '../../../src/core/plan/applyToGrid';
import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';
import { WorkbookGrid } from '../../../src/core/grid';
import { generateShape } from '../shapes/generator';

/**
 * The totals the tool writes are totals its own checks accept: a workbook recalculated and read again
 * gets no "Công thức tổng thiếu tiêu chí" (sum-range-mismatch) on the tool's formulas, which take a
 * criterion scored by marking a level from that level's points in another column ("SUM(C13,D16:D17)").
 */

function ownTotalFlags(grid: WorkbookGrid, options: { assessmentYear?: number }) {
  const before = analyseWorkbook(grid, options);
  const written = applyPlanToGrid(grid, planWorkbook(before, grid, 'vi'));
  const after = analyseWorkbook(written, options);
  return { before, after, flags: after.flags.filter((f) => f.kind === 'sum-range-mismatch') };
}

test('the sample recalculated: its seven totals over marked levels are accepted, and the total is the same', () => {
  const grid = buildSampleGrid();
  const { before, after, flags } = ownTotalFlags(grid, {});
  expect(flags).toEqual([]);
  expect(after.total.self).toBe(before.total.self);
});

test('a total that leaves out a criterion marked by level is still flagged', () => {
  const grid = buildSampleGrid();
  const before = analyseWorkbook(grid);
  const written = applyPlanToGrid(grid, planWorkbook(before, grid, 'vi'));
  // The official's edit: the level's points taken out of 1.1's total.
  const sheet = written.sheets.find((s) => s.name === 'Phụ lục 1')!;
  const d11 = sheet.rows[10]![3]!;
  expect(d11.formula).toBe('SUM(C13,D16:D17)');
  d11.formula = 'SUM(D16:D17)';
  const again = analyseWorkbook(written);
  expect(again.flags.filter((f) => f.kind === 'sum-range-mismatch').map((f) => f.code)).toEqual(['1.1']);
});

test('120 generated workbooks recalculated: no sum-range-mismatch on the tool’s own totals', () => {
  const offenders: string[] = [];
  for (let seed = 7100; seed < 7220; seed++) {
    const shape = generateShape(seed);
    const { flags } = ownTotalFlags(shape.grid, shape.options);
    if (flags.length) offenders.push(seed + ': ' + flags.map((f) => f.code).join(', '));
  }
  expect(offenders).toEqual([]);
});
