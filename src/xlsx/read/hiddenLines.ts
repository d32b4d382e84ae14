import { HiddenLines, SheetGrid } from '../../core/grid';

/** One <col> of <cols>: 1-based min..max, and whether hidden. */
export interface ColSpec {
  min: number;
  max: number;
  hidden: boolean;
}

/**
 * Hidden lines as ExcelJS gives them (test/helpers/excelJsOracle.ts): <col> elements sorted by min,
 * where two overlap the one starting first wins (ExcelJS's Column.fromModel); both lists limited to
 * the grid's extent.
 */
export function hiddenLines(cols: ColSpec[], hiddenRows: boolean[], rows: SheetGrid['rows']): HiddenLines {
  const hidden: HiddenLines = { rows: [], columns: [] };
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row && row.length > width) width = row.length;
  }
  const n = Math.min(hiddenRows.length, rows.length);
  for (let r = 0; r < n; r++) if (hiddenRows[r]) hidden.rows.push(r);
  cols.sort((a, b) => a.min - b.min);
  let count = 1;
  for (const col of cols) {
    if (count < col.min) count = col.min;
    for (; count <= col.max && count <= width; count++) if (col.hidden) hidden.columns.push(count - 1);
    if (count > width) break;
  }
  return hidden;
}
