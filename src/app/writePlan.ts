import { AnalyseOptions, analyseWorkbook } from '../core/analyse';
import { WorkbookGrid } from '../core/grid';
import { ApplyReport, SheetRulesRequest, WorkbookHost } from '../core/host';
import { applyPlanToGrid, WritePlan } from '../core/plan';
import { WorkbookAnalysis } from '../core/result';

/**
 * The one write path of the use cases (recalculation, the appraiser's fill): the plan goes to the host
 * in one write (Excel: one sync, with its backup for revert), and what the workbook now holds is the
 * plan applied to the grid already read, analysed again: no second read. ES5-safe.
 */

export interface Written {
  /** The plan as written. */
  plan: WritePlan;
  report: ApplyReport;
  /** The grid read with the plan applied, and its analysis. */
  grid: WorkbookGrid;
  analysis: WorkbookAnalysis;
}

export function writeAndReanalyse(host: WorkbookHost, grid: WorkbookGrid, plan: WritePlan, analyse: AnalyseOptions, highlights: boolean, sheetRules?: SheetRulesRequest): Promise<Written> {
  return host.applyPlan(plan, { highlights: highlights, sheetRules: sheetRules }).then(function (report) {
    const after = applyPlanToGrid(grid, plan);
    return { plan: plan, report: report, grid: after, analysis: analyseWorkbook(after, analyse) };
  });
}
