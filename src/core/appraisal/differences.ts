import { a1 } from '../address';
import type { SheetAnalysis } from '../analyse';
import { CriterionNode, RowCell } from '../model/types';
import { Points } from '../number/points';
import { ColumnScore } from '../score/scoreTable';

/**
 * Appraisal (thẩm định): where the district's appraised score differs from the commune's self-score,
 * criterion by criterion, with the evidence and the explanation beside it, and the points lost per
 * field. Plain data, ES5-safe.
 */

export interface ScoreDifference {
  sheet: string;
  /** Normalised criterion code ("1.1.2"). */
  code: string;
  name: string;
  self: Points;
  appraised: Points;
  /** appraised - self: negative when the appraisal took points away. */
  difference: Points;
  /** Where the self-score is typed (the leaf row, or the tier row that carries it). */
  selfCell: string;
  /** Where the appraised score is typed: the cell to select. */
  appraisedCell: string;
  /** Evidence text of the criterion (its row, else its tier rows); a hyperlink-only cell gives its target. */
  evidence: string;
  evidenceCell: string | null;
  /** The note / explanation column (Ghi chú, Giải trình) of the criterion. */
  explanation: string;
  /** Code of the field (lĩnh vực) the criterion belongs to. */
  fieldCode: string;
}

export interface FieldLoss {
  sheet: string;
  code: string;
  name: string;
  /** self - appraised over the field's appraised leaves; negative when the appraisal gave points. */
  lost: Points;
}

export interface Differences {
  differences: ScoreDifference[];
  /** Every field of every sheet that has an appraised column, in sheet order (0 where nothing differs). */
  lostByField: FieldLoss[];
}

function entryCell(score: ColumnScore, fallback: RowCell | null): string {
  const cell = score.entries.length ? score.entries[0].cell : fallback;
  return cell ? a1(cell.row, cell.col) : '';
}

function evidenceText(cell: RowCell | null): string {
  if (!cell) return '';
  const text = cell.text.replace(/^\s+|\s+$/g, '');
  if (text) return text;
  return cell.hyperlink ? cell.hyperlink : '';
}

/** The criterion's own text, else what its tier rows hold, joined. */
function gather(node: CriterionNode, read: (cells: CriterionNode['cells']) => string): string {
  const own = read(node.cells);
  if (own) return own;
  const parts: string[] = [];
  for (let i = 0; i < node.tierRows.length; i++) {
    const t = read(node.tierRows[i].cells);
    if (t) parts.push(t);
  }
  return parts.join('; ');
}

function rootOf(node: CriterionNode): CriterionNode {
  let n = node;
  while (n.parent) n = n.parent;
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
    for (let i = 0; i < sheet.score.nodes.length; i++) {
      const ns = sheet.score.nodes[i];
      if (!ns.leaf || ns.node.survey || !ns.appraised || ns.appraised.empty) continue;
      const root = rootOf(ns.node);
      const difference = ns.appraised.units - ns.self.units;
      lostByRoot[root.index] = (lostByRoot[root.index] || 0) - difference;
      if (difference === 0) continue;
      const node = ns.node;
      differences.push({
        sheet: sheet.name,
        code: node.code,
        name: node.cells.name,
        self: ns.self.units,
        appraised: ns.appraised.units,
        difference: difference,
        selfCell: entryCell(ns.self, node.cells.self),
        appraisedCell: entryCell(ns.appraised, node.cells.appraised),
        evidence: gather(node, function (cells) {
          return evidenceText(cells.evidence);
        }),
        evidenceCell: node.cells.evidence ? a1(node.cells.evidence.row, node.cells.evidence.col) : null,
        explanation: gather(node, function (cells) {
          return cells.note.replace(/^\s+|\s+$/g, '');
        }),
        fieldCode: root.code,
      });
    }
    for (let r = 0; r < table.roots.length; r++) {
      const root = table.roots[r];
      lostByField.push({ sheet: sheet.name, code: root.code, name: root.cells.name, lost: lostByRoot[root.index] || 0 });
    }
  }
  return { differences: differences, lostByField: lostByField };
}
