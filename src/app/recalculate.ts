import { AnalyseOptions, analyseWorkbook } from '../core/analyse';
import { WorkbookGrid } from '../core/grid';
import { ApplyReport, BuildSheetRules, WorkbookHost } from '../core/host';
import { Lang } from '../core/number';
import { applyPlanToGrid, planWorkbook, WritePlan } from '../core/plan';
import { WorkbookAnalysis } from '../core/result';
import { readTables, ReadingOptions } from './reading';

/**
 * "Tính lại điểm", the same from every button (the pane, the ribbon, the IE11 light pane):
 * read → analyse → plan → write → analyse the grid read with the plan applied. On Excel: one read
 * sync and one write sync. ES5-safe: no React, no Office.js, only the core and a WorkbookHost.
 *
 * Rules every caller shares:
 * - the choice of columns: the caller's, else the one kept with the workbook (src/app/reading.ts);
 * - no scoring table: nothing is written, not even the summary sheet (`written` false, `noTable`);
 * - highlights: on unless the caller says off (the pane's switch; the ribbon and the light pane have
 *   no switch and the host keeps no choice of it, so they paint);
 * - `statusLine` (the ribbon, which has no pane to speak through): its sentence is added as the last
 *   row of the summary sheet, in the same write.
 */

export interface RecalculateOptions extends ReadingOptions {
  /** Language of the summary sheet. */
  lang: Lang;
  /** Paint the highlight marks; default true. */
  highlights?: boolean;
  /** The ribbon's status row: the sentence for the figures about to be written; absent, no row. */
  statusLine?: (facts: RecalculationFacts) => string;
  /**
   * The sheet rules' builder (core/plan `buildSheetRules`), for a host that installs the rules (Excel from
   * ExcelApi 1.8); absent, none are installed. The pane loads it at its first write, off its first load.
   */
  buildSheetRules?: BuildSheetRules;
}

/** What is known just before the write: enough for a status sentence. */
export interface RecalculationFacts {
  analysis: WorkbookAnalysis;
  plan: WritePlan;
  highlights: boolean;
  choicesUnreadable: boolean;
}

export interface Recalculation {
  /** Something was written (false only when the workbook holds no scoring table). */
  written: boolean;
  noTable: boolean;
  /** The workbook as it now is: after the write, or as read when nothing was written. */
  grid: WorkbookGrid;
  analysis: WorkbookAnalysis;
  /** The plan as written (with the status row); null when nothing was. */
  plan: WritePlan | null;
  report: ApplyReport | null;
  /** The status row written, if any. */
  status: string | null;
  /** The choice kept with the workbook could not be read: the tables were read automatically. */
  choicesUnreadable: boolean;
  /** The core's options the run used (for a later re-check of the same grid). */
  analyseOptions: AnalyseOptions;
}

/** The plan with one more sentence at the end of the summary sheet, after an empty row. */
export function withStatusRow(plan: WritePlan, status: string): WritePlan {
  const rows = plan.summary.rows.concat([[], [{ kind: 'text', text: status }]]);
  const summary: WritePlan['summary'] = { name: plan.summary.name, rows: rows, columnWidths: plan.summary.columnWidths };
  if (plan.summary.chart) summary.chart = plan.summary.chart;
  return { writes: plan.writes, highlights: plan.highlights, summary: summary };
}

export function recalculate(host: WorkbookHost, options: RecalculateOptions): Promise<Recalculation> {
  const highlights = options.highlights !== false;
  return readTables(host, options).then(function (read): Recalculation | Promise<Recalculation> {
    const grid = read.grid;
    const analyse = read.analyse;
    const choicesUnreadable = read.choicesUnreadable;
    const analysis = analyseWorkbook(grid, analyse);
    if (analysis.sheets.length === 0) {
      return { written: false, noTable: true, grid: grid, analysis: analysis, plan: null, report: null, status: null, choicesUnreadable: choicesUnreadable, analyseOptions: analyse };
    }
    let plan = planWorkbook(analysis, grid, options.lang);
    let status: string | null = null;
    if (options.statusLine) {
      status = options.statusLine({ analysis: analysis, plan: plan, highlights: highlights, choicesUnreadable: choicesUnreadable });
      plan = withStatusRow(plan, status);
    }
    // The write path of writePlan.ts, with the sheet rules of this analysis for a host that installs them.
    const written = plan;
    return host
      .applyPlan(written, { highlights: highlights, sheetRules: options.buildSheetRules ? { analysis: analysis, lang: options.lang, build: options.buildSheetRules } : undefined })
      .then(function (report): Recalculation {
        const after = applyPlanToGrid(grid, written);
        return {
          written: true,
          noTable: false,
          grid: after,
          analysis: analyseWorkbook(after, analyse),
          plan: written,
          report: report,
          status: status,
          choicesUnreadable: choicesUnreadable,
          analyseOptions: analyse,
        };
      });
  });
}
