import { AnalyseOptions, analyseWorkbook, WorkbookAnalysis } from '../../src/core/analyse';
import { WorkbookGrid } from '../../src/core/grid';
import { Lang } from '../../src/core/number/format';
import { planWorkbook } from '../../src/core/plan/planWorkbook';
import { WritePlan } from '../../src/core/plan/types';

/** What a writer does: analyse, then plan in `options.lang` (default Vietnamese); the analysis with its plan beside it. */
export function analyseAndPlan(grid: WorkbookGrid, options?: AnalyseOptions & { lang?: Lang }): WorkbookAnalysis & { plan: WritePlan } {
  const analysis = analyseWorkbook(grid, options);
  return { ...analysis, plan: planWorkbook(analysis, grid, (options && options.lang) || 'vi') };
}
