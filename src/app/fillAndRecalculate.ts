import { AnalyseOptions } from '../core/analyse';
import { WorkbookGrid } from '../core/grid';
import { ApplyReport, BuildSheetRules, WorkbookHost } from '../core/host';
import { Lang } from '../core/number';
import { WritePlan } from '../core/plan';
import { WorkbookAnalysis } from '../core/result';
import { FillSummary, planFillAndRecalculate } from './fillAppraised';
import { readTables, ReadingOptions } from './reading';
import { writeAndReanalyse } from './writePlan';

/**
 * The appraiser's fill ("Điền điểm thẩm định từ điểm tự chấm"): one read, then one write holding the
 * fill and the recalculation of the filled workbook (so one revert undoes both), through the same
 * write path as the recalculation. No scoring table, or nothing to fill: nothing is written. ES5-safe.
 */

export interface FillAndRecalculateOptions extends ReadingOptions {
  lang: Lang;
  /** Paint the highlight marks; default true. */
  highlights?: boolean;
  /** The sheet rules' builder, as for a recalculation (recalculate.ts): the rules stay installed after a fill. */
  buildSheetRules?: BuildSheetRules;
}

export interface FillResult {
  written: boolean;
  noTable: boolean;
  /** Every appraised cell that could be filled already holds something. */
  nothingToFill: boolean;
  fill: FillSummary;
  grid: WorkbookGrid;
  analysis: WorkbookAnalysis;
  plan: WritePlan | null;
  report: ApplyReport | null;
  choicesUnreadable: boolean;
  analyseOptions: AnalyseOptions;
}

export function fillAndRecalculate(host: WorkbookHost, options: FillAndRecalculateOptions): Promise<FillResult> {
  return readTables(host, options).then(function (read): FillResult | Promise<FillResult> {
    const grid = read.grid;
    const analyse = read.analyse;
    const choicesUnreadable = read.choicesUnreadable;
    const planned = planFillAndRecalculate(grid, { assessmentYear: analyse.assessmentYear, columns: analyse.columns, lang: options.lang });
    const noTable = planned.analysis.sheets.length === 0;
    if (noTable || planned.fill.cells === 0) {
      return {
        written: false,
        noTable: noTable,
        nothingToFill: !noTable,
        fill: planned.fill,
        grid: grid,
        analysis: planned.analysis,
        plan: null,
        report: null,
        choicesUnreadable: choicesUnreadable,
        analyseOptions: analyse,
      };
    }
    const rules = options.buildSheetRules ? { analysis: planned.analysis, lang: options.lang, build: options.buildSheetRules } : undefined;
    return writeAndReanalyse(host, grid, planned.plan, analyse, options.highlights !== false, rules).then(function (w): FillResult {
      return {
        written: true,
        noTable: false,
        nothingToFill: false,
        fill: planned.fill,
        grid: w.grid,
        analysis: w.analysis,
        plan: w.plan,
        report: w.report,
        choicesUnreadable: choicesUnreadable,
        analyseOptions: analyse,
      };
    });
  });
}
