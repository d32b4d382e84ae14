import { WorkbookGrid } from '../grid';
import { Lang } from '../number/format';
import { WorkbookAnalysis } from '../result/types';
import { TableScore } from '../score/scoreTable';
import { buildPlan, countPlan } from './buildPlan';
import { buildSummarySheet, SummaryInput, SummaryTableInput } from './summarySheet';
import { SummarySheet, WritePlan } from './types';

/**
 * The write plan of an analysis: SUM formulas, percentages, highlights and the summary sheet. Called
 * only by writers (`cchc score --out`, the pane, the ribbon command, the browser's copy, the
 * appraiser's fill); readers (the JSON result, the report, consolidation) never need one.
 * `grid` is the workbook the analysis was made from: a cell that already holds the planned formula
 * and value is not written again.
 */
export function planWorkbook(analysis: WorkbookAnalysis, grid: WorkbookGrid, lang: Lang, now?: Date): WritePlan {
  return buildPlan(grid, scoresOf(analysis), analysis.flags, summaryInput(analysis, lang, now || new Date()));
}

/** The summary sheet alone, as `planWorkbook` would make it (the appraiser's fill carries it without writing cells). */
export function planSummarySheet(analysis: WorkbookAnalysis, lang: Lang, now?: Date): SummarySheet {
  return buildSummarySheet(summaryInput(analysis, lang, now || new Date()));
}

export interface PlannedCounts {
  /** Cells the plan would write (formulas and percentages). */
  writes: number;
  /** Cells the plan would highlight. */
  highlights: number;
}

/** What `planWorkbook(analysis, grid, …)` would write and highlight, counted without making the plan. */
export function countPlanned(analysis: WorkbookAnalysis, grid: WorkbookGrid): PlannedCounts {
  return countPlan(grid, scoresOf(analysis), analysis.flags);
}

function scoresOf(analysis: WorkbookAnalysis): TableScore[] {
  const scores: TableScore[] = [];
  for (let i = 0; i < analysis.sheets.length; i++) scores.push(analysis.sheets[i].score);
  return scores;
}

/** `now`: the date of the title block ("Ngày tính điểm"), the day the plan is made. */
function summaryInput(analysis: WorkbookAnalysis, lang: Lang, now: Date): SummaryInput {
  const sheets = analysis.sheets;
  const tables: SummaryTableInput[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    // A sheet holding several tables names each by its number.
    const several = (i > 0 && sheets[i - 1].name === s.name) || (i + 1 < sheets.length && sheets[i + 1].name === s.name);
    tables.push({ sheet: s.name, label: several ? s.name + ' (' + s.tableIndex + ')' : s.name, fields: s.fields, max: s.score.selfAssessableMax, self: s.score.self, appraised: s.score.appraised });
  }
  const total = analysis.total;
  return {
    fileName: analysis.fileName,
    commune: analysis.titleFacts.commune,
    year: analysis.titleFacts.year,
    date: now,
    tables: tables,
    max: total.max,
    self: total.self,
    appraised: total.appraised,
    appraisedMax: total.appraisedMax,
    flags: analysis.flags,
    lang: lang,
    appraisal: { differences: analysis.differences, lostByField: analysis.lostByField },
  };
}
