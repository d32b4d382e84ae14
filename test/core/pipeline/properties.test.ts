import fc from 'fast-check';
import { analyseWorkbook } from '../../../src/core/analyse';
import { GridCell, SheetGrid } from '../../../src/core/grid';
import { applyPlanToGrid } from '../../../src/core/plan/applyToGrid';
import { countPlanned, planWorkbook } from '../../../src/core/plan/planWorkbook';
import { HEADER, sheet, workbook } from '../../helpers/gridBuilder';
import { evaluateCell } from '../../helpers/formulaEvaluator';

/** Random cell contents of the kinds real sheets hold, including junk. */
const anyCell = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 30 }),
  fc.double({ min: -10, max: 100, noNaN: true }),
  fc.constantFrom('x', 'X', '-', '+', 'a)', '0,5', '1.25 điểm', 'ĐTXHH', 'Tổng cộng', 'I', 'IV', '1.1', '1.1.', '2.3.4', '', 'Kế hoạch số 1/KH-UBND', '=SUM(A1)', '#REF!'),
  fc.string({ maxLength: 12 }),
  fc.record({ v: fc.constant(null), err: fc.constantFrom('#REF!', '#VALUE!', '#N/A') }),
);

const randomGrid = fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 40 });

/** A well-formed table with random depth, maxima, scores and tier rows. */
const leafRow = fc.record({
  max: fc.integer({ min: 0, max: 400 }).map((h) => h / 100),
  score: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 400 }).map((h) => h / 100),
    fc.integer({ min: 0, max: 400 }).map((h) => String(h / 100).replace('.', ',')),
  ),
  evidence: fc.oneof(fc.constant(null), fc.constant('Kế hoạch số 5/KH-UBND')),
  tiers: fc.array(
    fc.integer({ min: 0, max: 200 }).map((h) => h / 100),
    { maxLength: 3 },
  ),
  markTier: fc.integer({ min: -1, max: 2 }),
});
const tableSpec = fc.array(fc.array(fc.array(leafRow, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

function buildTable(spec: typeof tableSpec extends fc.Arbitrary<infer T> ? T : never): SheetGrid {
  const rows: unknown[][] = [['BẢNG CHẤM ĐIỂM'], HEADER];
  spec.forEach((field, f) => {
    rows.push([String(f + 1), 'Lĩnh vực ' + (f + 1), null, f % 2 ? 99 : null]);
    field.forEach((criterion, c) => {
      rows.push([`${f + 1}.${c + 1}`, 'Tiêu chí', null, null]);
      criterion.forEach((leaf, l) => {
        const useTier = leaf.markTier >= 0 && leaf.markTier < leaf.tiers.length;
        rows.push([`${f + 1}.${c + 1}.${l + 1}`, 'Tiêu chí thành phần', leaf.max, useTier ? null : leaf.score, leaf.evidence]);
        leaf.tiers.forEach((points, t) => rows.push(['-', 'Mức ' + t, points, useTier && t === leaf.markTier ? 'x' : null]));
      });
    });
  });
  rows.push(['Tổng cộng', null, null, 7]);
  return sheet('Bảng', rows as never);
}

function cellsEqual(a: GridCell | null | undefined, b: GridCell | null | undefined): boolean {
  return JSON.stringify(a || null) === JSON.stringify(b || null);
}

describe('properties of the core', () => {
  test('random grids never throw', () => {
    fc.assert(
      fc.property(randomGrid, fc.boolean(), (rows, withHeader) => {
        const grid = sheet('S', withHeader ? [HEADER as never, ...rows] : rows);
        analyseWorkbook(workbook(grid));
      }),
      { numRuns: 300 },
    );
  });

  test('the table total equals the sum of leaf scores, and Excel evaluating the plan agrees', () => {
    fc.assert(
      fc.property(tableSpec, (spec) => {
        const grid = buildTable(spec);
        const analysis = analyseWorkbook(workbook(grid), { profile: null });
        const s = analysis.sheets[0];
        const leaves = s.score.nodes.filter((n) => n.leaf);
        const sum = leaves.reduce((acc, n) => acc + n.self.units, 0);
        expect(s.score.self).toBe(sum);
        const plan = planWorkbook(analysis, workbook(grid), 'vi');
        const applied = applyPlanToGrid(workbook(grid), plan);
        const total = plan.writes.find((w) => w.purpose === 'sheet-total')!;
        // Evaluate the written formulas against the grid, as Excel would on opening the copy.
        const evaluated = evaluateCell(applied.sheets[0], total.row, total.col);
        expect(Math.round(evaluated * 1e6)).toBe(Math.round((sum / 1e6) * 1e6));
      }),
      { numRuns: 150 },
    );
  });

  test("the counts the JSON result reports without a plan are the plan's own, before and after it is applied", () => {
    fc.assert(
      fc.property(tableSpec, randomGrid, (spec, junk) => {
        const grid = workbook(buildTable(spec), sheet('Junk', junk as never));
        const analysis = analyseWorkbook(grid, { profile: null });
        const plan = planWorkbook(analysis, grid, 'vi');
        expect(countPlanned(analysis, grid)).toEqual({ writes: plan.writes.length, highlights: plan.highlights.length });
        const applied = applyPlanToGrid(grid, plan);
        const again = analyseWorkbook(applied, { profile: null });
        const againPlan = planWorkbook(again, applied, 'vi');
        expect(countPlanned(again, applied)).toEqual({ writes: againPlan.writes.length, highlights: againPlan.highlights.length });
      }),
      { numRuns: 150 },
    );
  });

  test('a plan applied twice is idempotent and never writes outside owned cells', () => {
    fc.assert(
      fc.property(tableSpec, (spec) => {
        const grid = buildTable(spec);
        const first = analyseWorkbook(workbook(grid), { profile: null });
        const firstPlan = planWorkbook(first, workbook(grid), 'vi');
        const s = first.sheets[0];
        const owned = new Set<string>();
        for (const ns of s.score.nodes) if (!ns.leaf) owned.add(ns.node.cells.row + ':' + s.table.columns.self);
        owned.add(s.table.total!.cells.row + ':' + s.table.columns.self);
        for (const w of firstPlan.writes) expect(owned.has(w.row + ':' + w.col)).toBe(true);

        const once = applyPlanToGrid(workbook(grid), firstPlan);
        // Every cell the plan does not own is unchanged.
        const before = grid.rows;
        const after = once.sheets[0].rows;
        for (let r = 0; r < Math.max(before.length, after.length); r++) {
          const width = Math.max((before[r] || []).length, (after[r] || []).length);
          for (let c = 0; c < width; c++) {
            if (owned.has(r + ':' + c)) continue;
            expect(cellsEqual((before[r] || [])[c], (after[r] || [])[c])).toBe(true);
          }
        }
        // Applying the same plan again changes nothing, and a fresh run on the result plans no cell writes.
        const twice = applyPlanToGrid(once, firstPlan);
        expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
        const second = analyseWorkbook(once, { profile: null });
        expect(planWorkbook(second, once, 'vi').writes).toEqual([]);
        expect(second.sheets[0].score.self).toBe(s.score.self);
      }),
      { numRuns: 150 },
    );
  });
});
