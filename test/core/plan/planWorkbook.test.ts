import { analyseWorkbook } from '../../../src/core/analyse';
import { consolidate, consolidationSheets } from '../../../src/core/consolidate/consolidate';
import * as buildPlanModule from '../../../src/core/plan/buildPlan';
import { countPlanned, planWorkbook } from '../../../src/core/plan/planWorkbook';
import * as summarySheetModule from '../../../src/core/plan/summarySheet';
import { toJsonResult } from '../../../src/core/report/jsonResult';
import { reportText } from '../../../src/core/report/reportText';
import { buildSelfAssessmentReport } from '../../../src/core/report/selfAssessmentReport';
import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';

/** Only writers plan: readers of an analysis (JSON, report, consolidation) never build a plan or a summary sheet. */
describe('planWorkbook: the plan is made by writers only', () => {
  afterEach(() => jest.restoreAllMocks());

  test('analysing, the JSON result, the reports and consolidation build no plan and no summary sheet', () => {
    const plans = jest.spyOn(buildPlanModule, 'buildPlan');
    const summaries = jest.spyOn(summarySheetModule, 'buildSummarySheet');
    const grid = buildSampleGrid();
    const analysis = analyseWorkbook(grid);
    const json = toJsonResult(analysis, grid, 'vi', { explain: true });
    reportText(analysis, 'en');
    buildSelfAssessmentReport(analysis, 'vi');
    consolidationSheets(consolidate([{ fileName: 'a.xlsx', analysis }], { lang: 'vi' }), 'vi');
    expect(plans).not.toHaveBeenCalled();
    expect(summaries).not.toHaveBeenCalled();
    // The JSON still says what --out would write: the plan's own counts.
    const plan = planWorkbook(analysis, grid, 'vi');
    expect(plans).toHaveBeenCalledTimes(1);
    expect(summaries).toHaveBeenCalledTimes(1);
    expect({ writes: json.writes, highlights: json.highlights }).toEqual({ writes: plan.writes.length, highlights: plan.highlights.length });
    // Every flag of the sample names a cell, and each is highlighted (nine flags, nine cells).
    expect(analysis.flags.length).toBe(9);
    expect(countPlanned(analysis, grid)).toEqual({ writes: 70, highlights: 9 });
  });

  test('the summary sheet is in the language the writer asks for; the cells are the same in both', () => {
    const grid = buildSampleGrid();
    const analysis = analyseWorkbook(grid);
    const vi = planWorkbook(analysis, grid, 'vi');
    const en = planWorkbook(analysis, grid, 'en');
    expect(en.writes).toEqual(vi.writes);
    // The same cells and colours; the notes are in the writer's language.
    const place = (h: { sheet: string; address: string; color: string }) => h.sheet + '!' + h.address + ' ' + h.color;
    expect(en.highlights.map(place)).toEqual(vi.highlights.map(place));
    expect(en.highlights[0].note).not.toEqual(vi.highlights[0].note);
    expect(en.summary.rows).not.toEqual(vi.summary.rows);
    expect(vi.summary.name).toBe(summarySheetModule.SUMMARY_SHEET_NAME);
  });
});
