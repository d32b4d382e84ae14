import { a1 } from '../core/address';
import { analyseWorkbook, AnalyseOptions } from '../core/analyse';
import { cellAt, SheetGrid, WorkbookGrid } from '../core/grid';
import { RowCell } from '../core/model';
import { Lang, unitsToNumber } from '../core/number';
import { applyPlanToGrid, planSummarySheet, planWorkbook, ValueWrite, WritePlan } from '../core/plan';
import { WorkbookAnalysis } from '../core/result';
import { NodeScore } from '../core/score';

/**
 * Appraiser's mode (chế độ thẩm định), on request only: the appraised column is filled from the
 * self-scores where the appraiser has not written anything yet, so that only the criteria that differ
 * need typing. Pure, ES5-safe.
 *
 * Rules, criterion by criterion (leaves only; a parent's appraised cell gets its SUM from the normal plan):
 * - the criterion is filled only when every appraised cell of its row and of its tier rows is blank in
 *   the grid (nothing at all: no value, not even "-" or a space, no formula): an appraiser's value,
 *   anywhere on the criterion, is never overwritten nor joined by a second level;
 * - what is copied is exactly what the self column holds on the same rows: a number (as a number, also
 *   when it was typed as text "0,5"), or the "x" that picks a level on a tier row; a criterion whose
 *   self-score is empty, not a number, an error, or a survey (ĐTXHH) criterion is left to the appraiser;
 * - a cell inside a merged range (other than its top-left cell) is never written.
 * So after the fill each filled criterion's appraised score equals its self-score.
 *
 * A use case rather than core: it plans, applies the plan to a grid and analyses again (the core
 * only analyses and plans), so it lives above the core, in src/app.
 */

export interface FillSummary {
  /** Cells written. */
  cells: number;
  /** Criteria filled. */
  criteria: number;
}

function sheetByName(workbook: WorkbookGrid, name: string): SheetGrid | null {
  for (let i = 0; i < workbook.sheets.length; i++) if (workbook.sheets[i].name === name) return workbook.sheets[i];
  return null;
}

/** Nothing at all in the cell: the only cells the fill may write. */
function blank(sheet: SheetGrid, cell: RowCell): boolean {
  const g = cellAt(sheet, cell.row, cell.col);
  if (!g) return true;
  if (g.formula || g.error || g.hyperlink) return false;
  return g.value === null || g.value === undefined || g.value === '';
}

function insideMerge(sheet: SheetGrid, cell: RowCell): boolean {
  const merges = sheet.merges || [];
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (cell.row >= m.top && cell.row <= m.bottom && cell.col >= m.left && cell.col <= m.right) return !(cell.row === m.top && cell.col === m.left);
  }
  return false;
}

/** The self-score's cells as the constants to copy, row by row; null when the self-score cannot be copied as is. */
function copies(ns: NodeScore): Array<{ selfCell: RowCell; target: RowCell | null; value: number | string }> | null {
  const out: Array<{ selfCell: RowCell; target: RowCell | null; value: number | string }> = [];
  const entries = ns.self.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const reading = e.cell.reading;
    const target = e.tier ? e.tier.cells.appraised : ns.node.cells.appraised;
    if (reading.kind === 'number') out.push({ selfCell: e.cell, target: target, value: unitsToNumber(reading.units) });
    else if (reading.kind === 'mark' && e.tier !== null && e.units !== null) out.push({ selfCell: e.cell, target: target, value: reading.raw.replace(/^\s+|\s+$/g, '') });
    else return null;
  }
  return out.length ? out : null;
}

function fillCriterion(ns: NodeScore, sheet: SheetGrid, writes: ValueWrite[]): boolean {
  const node = ns.node;
  if (!ns.leaf || node.survey || !ns.appraised || !ns.appraised.empty || ns.self.empty) return false;
  // Every appraised cell of the criterion must be blank, not merely read as empty.
  const own = node.cells.appraised;
  if (!own || !blank(sheet, own)) return false;
  for (let i = 0; i < node.tierRows.length; i++) {
    const c = node.tierRows[i].cells.appraised;
    if (c && !blank(sheet, c)) return false;
  }
  const list = copies(ns);
  if (!list) return false;
  for (let i = 0; i < list.length; i++) if (!list[i].target || insideMerge(sheet, list[i].target!)) return false;
  for (let i = 0; i < list.length; i++) {
    const target = list[i].target!;
    writes.push({
      sheet: sheet.name,
      row: target.row,
      col: target.col,
      address: a1(target.row, target.col),
      value: list[i].value,
      purpose: 'appraised-fill',
      previous: { value: null },
    });
  }
  return true;
}

/**
 * The fill as a write plan of value writes only (no highlights; the summary sheet the analysis's own
 * plan has, in `lang`). `workbook` is the grid the analysis was made from: it tells a blank cell from
 * one holding "-" or a space.
 */
export function planFillAppraised(analysis: WorkbookAnalysis, workbook: WorkbookGrid, lang?: Lang): WritePlan & { fill: FillSummary } {
  const writes: ValueWrite[] = [];
  let criteria = 0;
  for (let s = 0; s < analysis.sheets.length; s++) {
    const sa = analysis.sheets[s];
    if (sa.table.columns.appraised === undefined) continue;
    const sheet = sheetByName(workbook, sa.name);
    if (!sheet) continue;
    for (let i = 0; i < sa.score.nodes.length; i++) if (fillCriterion(sa.score.nodes[i], sheet, writes)) criteria++;
  }
  return { writes: writes, highlights: [], summary: planSummarySheet(analysis, lang || 'vi'), fill: { cells: writes.length, criteria: criteria } };
}

/** Whether any sheet of the analysis has an appraised column (the appraiser's mode is offered then). */
export function hasAppraisedColumn(analysis: WorkbookAnalysis): boolean {
  for (let i = 0; i < analysis.sheets.length; i++) if (analysis.sheets[i].table.columns.appraised !== undefined) return true;
  return false;
}

export interface FillAndRecalculation {
  /** One plan: the fill's value writes, then the recalculation of the filled workbook (SUMs, percentages, summary, highlights). */
  plan: WritePlan;
  /** The analysis of the workbook once filled (its plan is the recalculation part of `plan`). */
  analysis: WorkbookAnalysis;
  fill: FillSummary;
}

export interface FillOptions extends AnalyseOptions {
  /** Language of the summary sheet; default Vietnamese. */
  lang?: Lang;
}

/**
 * The fill and the recalculation it calls for as a single write, so that one "revert" undoes both and
 * the parents' appraised totals are right at once. With nothing to fill, `plan` has no writes at all.
 */
export function planFillAndRecalculate(workbook: WorkbookGrid, options?: FillOptions): FillAndRecalculation {
  const lang: Lang = options && options.lang ? options.lang : 'vi';
  const before = analyseWorkbook(workbook, options);
  const fillPlan = planFillAppraised(before, workbook, lang);
  if (fillPlan.writes.length === 0) {
    return { plan: { writes: [], highlights: [], summary: fillPlan.summary }, analysis: before, fill: fillPlan.fill };
  }
  const filled = applyPlanToGrid(workbook, fillPlan);
  const after = analyseWorkbook(filled, options);
  const recalculation = planWorkbook(after, filled, lang);
  const plan: WritePlan = { writes: fillPlan.writes.concat(recalculation.writes), highlights: recalculation.highlights, summary: recalculation.summary };
  return { plan: plan, analysis: after, fill: fillPlan.fill };
}
