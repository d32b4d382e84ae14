/// <reference types="office-js" />
import { HiddenLines } from '../core/grid';
import { ExcelFeatures } from './features';

/**
 * Hidden rows and columns of a sheet's used range, read in the gateway's one read sync. ES5.
 *
 * Office.js has no per-line list, and the used range's size is not known before the sync, so one
 * proxy per row or column cannot be queued. Two range-level answers are used instead:
 *  - ExcelApi 1.2: Range.rowHidden / columnHidden of the used range say true (all hidden), false
 *    (none) or null (some). Most sheets hide nothing, and then the answer is exact: empty lists.
 *  - ExcelApi 1.9: Range.getSpecialCellsOrNullObject('Visible') gives the visible cells as areas
 *    (rectangles), so a hidden line is one no visible area covers. The areas are as many as the
 *    runs of visible rows times the runs of visible columns: small, whatever the sheet's size.
 * When neither tells (below 1.2; or some lines hidden below 1.9; or no cell visible at all),
 * `hidden` stays absent and the core knows it could not tell.
 */

/** What the read sync answers about the used range (an Excel.Range after its load and sync). */
export interface UsedRangeAnswers {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** True (all hidden), false (none) or null (some): Office answers null although it declares boolean. */
  rowHidden: boolean | null;
  columnHidden: boolean | null;
}

/** The visible cells as areas (an Excel.RangeAreas after its load and sync). */
export interface VisibleAnswers {
  isNullObject: boolean;
  areas: { items: Array<{ rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }> };
}

/** The proxies queued on the read batch; read after the sync as plain answers. */
export interface HiddenProbe {
  used: UsedRangeAnswers;
  /** The used range's visible cells (1.9); null below. */
  visible: VisibleAnswers | null;
}

/** Queues what tells the hidden lines of `used` on the read batch; null where the API level has nothing. */
export function queueHiddenRead(used: Excel.Range, features: ExcelFeatures): HiddenProbe | null {
  if (!features.lineHidden) return null;
  used.load('rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden');
  let visible: Excel.RangeAreas | null = null;
  if (features.visibleCells) {
    visible = used.getSpecialCellsOrNullObject('Visible');
    visible.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
  }
  return { used: used, visible: visible };
}

function span(start: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(start + i);
  return out;
}

/** The lines of [start, start + count) that `covered` leaves out. */
function uncovered(covered: boolean[], start: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!covered[i]) out.push(start + i);
  return out;
}

/** After the sync: the hidden lines (0-based sheet indexes, ascending), or undefined when they cannot be told. */
export function readHidden(probe: HiddenProbe | null): HiddenLines | undefined {
  if (!probe) return undefined;
  const used = probe.used;
  const top: number = used.rowIndex;
  const left: number = used.columnIndex;
  const rowCount: number = used.rowCount;
  const columnCount: number = used.columnCount;
  const rowHidden = used.rowHidden;
  const columnHidden = used.columnHidden;
  let rows: number[] | null = rowHidden === false ? [] : rowHidden === true ? span(top, rowCount) : null;
  let columns: number[] | null = columnHidden === false ? [] : columnHidden === true ? span(left, columnCount) : null;
  if ((rows === null || columns === null) && probe.visible && !probe.visible.isNullObject) {
    const rowSeen: boolean[] = [];
    const columnSeen: boolean[] = [];
    const areas = probe.visible.areas.items;
    for (let i = 0; i < areas.length; i++) {
      const a = areas[i];
      // Clipped to the used range: a single-cell range's special cells may cover the whole sheet (as in VBA).
      const r0 = Math.max(a.rowIndex, top);
      const r1 = Math.min(a.rowIndex + a.rowCount, top + rowCount);
      const c0 = Math.max(a.columnIndex, left);
      const c1 = Math.min(a.columnIndex + a.columnCount, left + columnCount);
      if (r0 >= r1 || c0 >= c1) continue;
      for (let r = r0; r < r1; r++) rowSeen[r - top] = true;
      for (let c = c0; c < c1; c++) columnSeen[c - left] = true;
    }
    if (rows === null) rows = uncovered(rowSeen, top, rowCount);
    if (columns === null) columns = uncovered(columnSeen, left, columnCount);
  }
  if (rows === null || columns === null) return undefined;
  return { rows: rows, columns: columns };
}
