import fc from 'fast-check';
import { hasAppraisedColumn, planFillAndRecalculate, planFillAppraised } from '../../src/app/fillAppraised';
import { analyseWorkbook } from '../../src/core/analyse';
import { cellAt } from '../../src/core/grid';
import { unitsToNumber } from '../../src/core/number/points';
import { applyPlanToGrid } from '../../src/core/plan/applyToGrid';
import { planWorkbook } from '../../src/core/plan/planWorkbook';
import { HEADER, sheet, workbook } from '../helpers/gridBuilder';
import { evaluateCell } from '../helpers/formulaEvaluator';
import { fillSheet } from '../core/appraisal/appraisalGrid';

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
    expect(planWorkbook(again, after, 'vi').writes).toEqual([]);
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

  test('the summary sheet of the fill is in the language asked for', () => {
    const heading = (rows: Array<Array<{ kind: string; text?: string }>>, text: string) => rows.some((r) => r[0] && r[0].kind === 'text' && r[0].text === text);
    expect(heading(planFillAndRecalculate(grid, { profile: null, lang: 'en' }).plan.summary.rows, 'POINTS LOST IN APPRAISAL BY FIELD')).toBe(true);
    expect(heading(planFillAndRecalculate(grid, { profile: null }).plan.summary.rows, 'ĐIỂM BỊ TRỪ KHI THẨM ĐỊNH THEO LĨNH VỰC')).toBe(true);
  });

  test("the appraiser's fill writes only blank appraised cells of leaf and tier rows, and reproduces the self-scores", () => {
    // Mostly blank (not yet appraised), sometimes an appraiser's value, a dash, a space or words.
    const appraisedCell = fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, fc.constant(0.5), fc.constant('x'), fc.constant('-'), fc.constant(' '), fc.constant('đạt'));
    const leaf = fc.record({
      max: fc.integer({ min: 0, max: 400 }).map((h) => h / 100),
      score: fc.oneof(
        fc.constant(null),
        fc.integer({ min: 0, max: 400 }).map((h) => h / 100),
        fc.constant('0,5'),
        fc.constant('x'),
        fc.constant('đạt'),
      ),
      appraised: appraisedCell,
      tiers: fc.array(fc.record({ points: fc.integer({ min: 0, max: 200 }).map((h) => h / 100), self: fc.constantFrom(null, 'x', 1), appraised: appraisedCell }), { maxLength: 3 }),
    });
    const spec = fc.array(fc.array(leaf, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 });
    let runsThatFilled = 0;
    fc.assert(
      fc.property(spec, fc.boolean(), (fields, survey) => {
        const rows: unknown[][] = [['BẢNG'], ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng']];
        fields.forEach((field, f) => {
          rows.push([String(f + 1), 'Lĩnh vực', null, null, f % 2 ? 7 : null]);
          field.forEach((l, i) => {
            rows.push([`${f + 1}.${i + 1}`, survey && i === 0 ? 'Khảo sát ĐTXHH' : 'Tiêu chí', l.max, l.score, l.appraised, 'KH 1']);
            l.tiers.forEach((t) => rows.push(['-', 'Mức', t.points, t.self, t.appraised]));
          });
        });
        rows.push(['Tổng cộng', null, null, null, 3]);
        const grid = workbook(sheet('S', rows as never));
        const analysis = analyseWorkbook(grid, { profile: null });
        const s = analysis.sheets[0];
        const fillable = new Set<string>();
        for (const ns of s.score.nodes) {
          if (!ns.leaf || ns.node.survey) continue;
          fillable.add(ns.node.cells.row + ':4');
          for (const t of ns.node.tierRows) fillable.add(t.cells.row + ':4');
        }
        const plan = planFillAppraised(analysis, grid);
        if (plan.writes.length) runsThatFilled++;
        for (const w of plan.writes) {
          expect(w.purpose).toBe('appraised-fill');
          expect(fillable.has(w.row + ':' + w.col)).toBe(true);
          const before = (grid.sheets[0].rows[w.row] || [])[w.col];
          expect(before === null || before === undefined || before.value === null).toBe(true);
        }
        // Each criterion the fill touched now has its self-score as its appraised score.
        const after = analyseWorkbook(applyPlanToGrid(grid, plan), { profile: null }).sheets[0];
        const touchedRows = new Set(plan.writes.map((w) => w.row));
        after.score.nodes.forEach((ns, i) => {
          const rowsOf = [ns.node.cells.row, ...ns.node.tierRows.map((t) => t.cells.row)];
          if (ns.leaf && rowsOf.some((r) => touchedRows.has(r))) expect(ns.appraised!.units).toBe(s.score.nodes[i].self.units);
        });
      }),
      { numRuns: 200 },
    );
    // Not vacuous: most random tables have something to fill.
    expect(runsThatFilled).toBeGreaterThan(50);
  });
});
