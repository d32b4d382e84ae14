import type { SheetAnalysis } from '../result/types';
import { explainText, rowKindCount } from '../messages/explainText';
import { Lang } from '../number/format';
import { RowKind, RowReading } from '../recognise/reading';

/**
 * How a table's rows were read, in words shared by `cchc score --explain` and the pane's "Cách đọc
 * bảng": its header rows and the count of each kind of row ("7 lĩnh vực, 45 tiêu chí, 2 phần…").
 */

/** A row's kind as a person names it: a criterion at the top of the tree is a field. */
export type ReadKind = RowKind | 'field';

/** Order of the counts. */
const KIND_ORDER: ReadKind[] = ['field', 'criterion', 'part', 'survey', 'deduction', 'tier', 'group', 'total', 'ignored'];

export interface ReadRows {
  rows: RowReading[];
  kinds: ReadKind[];
  /** "1 lĩnh vực, 2 tiêu chí, 1 dòng tổng", or "không có dòng nào". */
  counts: string;
}

export function readRows(sheet: SheetAnalysis, lang: Lang): ReadRows {
  const fieldRows: { [row: number]: boolean } = {};
  const table = sheet.table;
  for (let i = 0; i < table.rootIndexes.length; i++) fieldRows[table.criteria.row[table.rootIndexes[i]]] = true;
  const rows = table.rowReadings();
  const tally: { [kind: string]: number } = {};
  const kinds: ReadKind[] = [];
  for (let i = 0; i < rows.length; i++) {
    const kind: ReadKind = rows[i].kind === 'criterion' && fieldRows[rows[i].row] ? 'field' : rows[i].kind;
    tally[kind] = (tally[kind] || 0) + 1;
    kinds.push(kind);
  }
  const list: string[] = [];
  for (let k = 0; k < KIND_ORDER.length; k++) if (tally[KIND_ORDER[k]]) list.push(rowKindCount(KIND_ORDER[k], tally[KIND_ORDER[k]], lang));
  return { rows: rows, kinds: kinds, counts: list.length ? list.join(', ') : explainText('noRows', lang) };
}

/** "Dòng tiêu đề: 4–5; bảng kết thúc ở dòng 120." (rows 1-based, as Excel shows them). */
export function headerRowsText(sheet: SheetAnalysis, lang: Lang): string {
  const r = sheet.reading;
  const rows = r.headerTop === r.headerBottom ? String(r.headerTop + 1) : r.headerTop + 1 + '–' + (r.headerBottom + 1);
  return explainText('headerRows', lang, { rows: rows, last: r.lastRow + 1 });
}
