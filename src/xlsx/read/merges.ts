import { CellRange } from '../../core/grid';
import { T_MERGE } from '../cellTypes';
import { SheetState } from './cells';
import { decodeRange } from './cellAddress';
import { BeyondLimits, MAX_COL, MAX_MERGED_CELLS, MAX_MERGES } from './limits';
import { bad } from './malformed';

/**
 * Merges, as ExcelJS merges cells on load: the master stays, every other cell becomes "merged".
 * Each merge is first clipped to the sheet's cells (what lies beyond them is empty either way), so
 * a few bytes naming A200:XFD1048576 cost nothing; what remains is applied cell by cell, overlaps
 * found through the cells already covered, and the whole is bounded by MAX_MERGED_CELLS: time and
 * memory linear in the merged cells of the sheet, not in the merges times each other.
 */
export function applyMerges(sheet: SheetState, mergeRefs: Array<string | undefined>): { ranges: CellRange[]; clipped: boolean } {
  if (mergeRefs.length > MAX_MERGES) throw new BeyondLimits('merges', mergeRefs.length, MAX_MERGES);
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || row.length === 0) continue;
    lastRow = r;
    if (row.length - 1 > lastCol) lastCol = row.length - 1;
  }
  const ranges: CellRange[] = [];
  const covered = new Set<number>();
  let clipped = false;
  let area = 0;
  for (const ref of mergeRefs) {
    if (ref === undefined) bad('mergeCell without ref');
    const whole = decodeRange(ref);
    if (whole.top > lastRow || whole.left > lastCol) {
      clipped = true;
      continue;
    }
    const r: CellRange = { top: whole.top, left: whole.left, bottom: Math.min(whole.bottom, lastRow), right: Math.min(whole.right, lastCol) };
    if (r.bottom !== whole.bottom || r.right !== whole.right) clipped = true;
    area += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area > MAX_MERGED_CELLS) throw new BeyondLimits('merged-cells', area);
    for (let i = r.top; i <= r.bottom; i++) {
      const row = sheet.rows[i];
      // ExcelJS gives every row of a merge its cells up to the merge's right edge: same row lengths.
      if (row && row.length <= r.right) row.length = r.right + 1;
      for (let j = r.left; j <= r.right; j++) {
        const key = i * MAX_COL + j;
        if (covered.has(key)) bad('overlapping merged cells');
        covered.add(key);
        if (i === r.top && j === r.left) continue;
        const existing = row ? row[j] : undefined;
        if (existing) existing.type = T_MERGE;
      }
    }
    ranges.push(r);
  }
  return { ranges, clipped };
}
