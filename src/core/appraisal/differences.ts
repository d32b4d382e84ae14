import { a1 } from '../address';
import type { Differences, FieldLoss, ScoreDifference, SheetAnalysis } from '../result/types';
import { RowCell, ScoringTable } from '../model/types';
import { Points } from '../number/points';
import { APPRAISED_EMPTY, columnIndex, LEAF } from '../score/scoreTable';

/**
 * Appraisal (thẩm định): where the district's appraised score differs from the commune's self-score,
 * criterion by criterion, with the evidence and the explanation beside it, and the points lost per
 * field. Plain data, ES5-safe.
 */

export type { Differences, FieldLoss, ScoreDifference } from '../result/types';

/** Where a column's score is typed: the leaf row if it holds one, else the first tier row that does, else the leaf row. */
function entryCell(table: ScoringTable, i: number, column: 'self' | 'appraised'): string {
  const col = columnIndex(table, column);
  if (col === undefined) return '';
  const k = table.criteria;
  if ((column === 'self' ? k.self[i] : k.appraised[i]).kind === 'empty') {
    const tierReadings = column === 'self' ? table.tiers.self : table.tiers.appraised;
    for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) if (tierReadings[j].kind !== 'empty') return a1(table.tiers.row[j], col);
  }
  return a1(k.row[i], col);
}

function evidenceText(cell: RowCell | null): string {
  if (!cell) return '';
  const text = cell.text.replace(/^\s+|\s+$/g, '');
  if (text) return text;
  return cell.hyperlink ? cell.hyperlink : '';
}

/** The criterion's own text in a column, else what its tier rows hold, joined. */
function gather(table: ScoringTable, i: number, col: number | undefined, read: (cell: RowCell | null) => string): string {
  const k = table.criteria;
  const own = read(table.rowCell(k.row[i], col, false));
  if (own) return own;
  const parts: string[] = [];
  for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
    const t = read(table.rowCell(table.tiers.row[j], col, false));
    if (t) parts.push(t);
  }
  return parts.join('; ');
}

function noteText(cell: RowCell | null): string {
  return cell ? cell.text.replace(/^\s+|\s+$/g, '') : '';
}

function rootOf(table: ScoringTable, i: number): number {
  let n = i;
  while (table.criteria.parent[n] >= 0) n = table.criteria.parent[n];
  return n;
}

/**
 * Leaves only (a parent's score is the sum of its leaves, so counting it would count twice); a leaf
 * whose appraised cells are all empty is not yet appraised, not a difference; survey (ĐTXHH)
 * criteria carry no self-score and are left out.
 */
export function findDifferences(sheets: SheetAnalysis[]): Differences {
  const differences: ScoreDifference[] = [];
  const lostByField: FieldLoss[] = [];
  for (let s = 0; s < sheets.length; s++) {
    const sheet = sheets[s];
    const table = sheet.table;
    if (table.columns.appraised === undefined) continue;
    const lostByRoot: { [index: number]: Points } = {};
    const f = sheet.score.figures;
    const k = table.criteria;
    // The table's arrays: a big table's node objects are not made to find a few differences.
    for (let i = 0; i < k.row.length; i++) {
      if (!(f.state[i] & LEAF) || f.state[i] & APPRAISED_EMPTY || k.survey[i]) continue;
      const root = rootOf(table, i);
      const difference = f.appraised[i] - f.self[i];
      lostByRoot[root] = (lostByRoot[root] || 0) - difference;
      if (difference === 0) continue;
      const evidenceCol = table.columns.evidence;
      differences.push({
        sheet: sheet.name,
        code: k.code[i],
        name: k.name[i],
        self: f.self[i],
        appraised: f.appraised[i],
        difference: difference,
        selfCell: entryCell(table, i, 'self'),
        appraisedCell: entryCell(table, i, 'appraised'),
        evidence: gather(table, i, evidenceCol, evidenceText),
        evidenceCell: evidenceCol !== undefined ? a1(k.row[i], evidenceCol) : null,
        explanation: gather(table, i, table.columns.note, noteText),
        fieldCode: k.code[root],
      });
    }
    for (let r = 0; r < table.rootIndexes.length; r++) {
      const root = table.rootIndexes[r];
      lostByField.push({ sheet: sheet.name, tableIndex: sheet.tableIndex, code: k.code[root], name: k.name[root], lost: lostByRoot[root] || 0 });
    }
  }
  return { differences: differences, lostByField: lostByField };
}
