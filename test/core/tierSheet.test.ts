import { analyseWorkbook } from '../../src/core/analyse';
import { buildSheetRules, TIER_SHEET_NAME } from '../../src/core/plan/sheetRules';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';

/**
 * The hidden sheet of levels the annotated copy's drop-downs read ("Mức điểm CCHC", plan/sheetRules.ts)
 * is the tool's own, like the summary: a copy scored again neither reads it as a table nor reports it
 * as "not a scoring table".
 */
test("the tier sheet is skipped as the tool's own, with no flag, and the scores are those of the workbook without it", () => {
  const plain = analyseWorkbook(buildSampleGrid());
  const rules = buildSheetRules(plain, 'vi');
  expect(rules.tierTable).not.toBeNull();
  const grid = buildSampleGrid();
  // The sheet as the patcher writes it: the title in A1, one row of numbers per set of levels.
  const rows = [[{ value: rules.tierTable!.title }]].concat(rules.tierTable!.rows.map((r) => r.values.map((v) => ({ value: v }) as { value: string | number })) as never);
  grid.sheets.push({ name: TIER_SHEET_NAME, rows: rows } as never);
  const analysis = analyseWorkbook(grid);
  expect(analysis.skipped).toContainEqual({ name: TIER_SHEET_NAME, reason: 'tool-owned' });
  expect(analysis.flags.filter((f) => f.sheet === TIER_SHEET_NAME)).toEqual([]);
  expect(analysis.sheets.map((s) => s.name)).toEqual(plain.sheets.map((s) => s.name));
  expect(analysis.total).toEqual(plain.total);
  expect(analysis.flags.length).toBe(plain.flags.length);
});
