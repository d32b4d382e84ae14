import { a1 } from '../address';
import { RowCell } from '../model/types';
import { Points } from '../number/points';
import { ColumnScore, NodeScore, ScoreColumn, TableScore } from '../score/scoreTable';
import { isAllowed } from '../score/tiers';
import { Flag, FLAG_SEVERITY, FlagKind, FlagParams } from './flag';
import { citesDateInYear, formatCitationDate, judgeEvidence } from '../evidence/evidencePeriod';
import { readTitleFacts } from '../identity/titleFacts';
import { toNfc } from '../text/fold';

export interface CheckOptions {
  /** The year the evidence must date from; absent or null: the year in the table's title rows ("năm 2023"). */
  assessmentYear?: number | null;
}

/** Check step: turns what scoring observed into flags, each pointing at one cell. */
export function checkTable(score: TableScore, options?: CheckOptions): Flag[] {
  const flags: Flag[] = [];
  const sheet = score.table.sheet;
  // No year known (none given, none in the titles): evidence dates are not judged.
  const year = options && options.assessmentYear ? options.assessmentYear : readTitleFacts(score.table.titleLines, sheet).year;
  // With both score columns on the sheet, a message must say which score it is about (see flagMessage).
  const bothScores = score.table.columns.appraised !== undefined;
  const add = function (kind: FlagKind, cell: RowCell | { row: number; col: number } | null, code: string, params: FlagParams, column?: ScoreColumn): void {
    const row = cell ? cell.row : -1;
    const col = cell ? cell.col : -1;
    const flag: Flag = { kind: kind, severity: FLAG_SEVERITY[kind], sheet: sheet, cell: cell ? a1(row, col) : '', row: row, col: col, code: code, params: params };
    if (column) flag.score = column;
    if (column && bothScores) params.bothScores = 1;
    flags.push(flag);
  };

  for (let i = 0; i < score.nodes.length; i++) {
    const ns = score.nodes[i];
    if (ns.leaf) checkLeaf(ns, add, year);
    else checkParent(ns, add);
  }
  for (let i = 0; i < score.table.duplicateCodes.length; i++) {
    const d = score.table.duplicateCodes[i];
    const rows: string[] = [];
    for (let j = 0; j < d.rows.length; j++) rows.push(String(d.rows[j] + 1));
    const codeCol = score.table.columns.code !== undefined ? score.table.columns.code : score.table.columns.name!;
    add('duplicate-code', { row: d.rows[d.rows.length - 1], col: codeCol }, d.code, { rows: rows.join(', ') });
  }
  const total = score.table.total;
  if (total) {
    checkTypedTotal(total.cells.max, total.cells.self, total.cells.appraised, score.max, score.self, score.appraised, '', add);
  }
  return flags;
}

type AddFlag = (kind: FlagKind, cell: RowCell | { row: number; col: number } | null, code: string, params: FlagParams, column?: ScoreColumn) => void;

function checkLeaf(ns: NodeScore, add: AddFlag, year: number | null): void {
  const node = ns.node;
  const maxCell = node.cells.max;
  if (maxCell && (maxCell.reading.kind === 'text' || maxCell.reading.kind === 'error')) {
    reportUnreadable(maxCell, node.code, add, undefined);
  } else if (ns.typedMax === null && ns.max === 0 && !node.survey) {
    add('missing-max', maxCell, node.code, {});
  }
  if (node.survey) return;
  checkLeafColumn(ns, ns.self, 'self', add);
  if (ns.appraised) checkLeafColumn(ns, ns.appraised, 'appraised', add);
  if (ns.self.units > 0) checkEvidenceDates(ns, add, year);
}

function reportUnreadable(cell: RowCell, code: string, add: AddFlag, column: ScoreColumn | undefined): void {
  const reading = cell.reading;
  if (reading.kind === 'error') add('cell-error', cell, code, { error: reading.error }, column);
  else if (reading.kind === 'text' || reading.kind === 'mark' || reading.kind === 'survey') add('not-a-number', cell, code, { text: reading.raw }, column);
}

function checkLeafColumn(ns: NodeScore, score: ColumnScore, column: ScoreColumn, add: AddFlag): void {
  const node = ns.node;
  const leafCell = column === 'self' ? node.cells.self : node.cells.appraised;
  if (!leafCell) return;
  let unreadable = false;
  for (let i = 0; i < score.entries.length; i++) {
    const entry = score.entries[i];
    const reading = entry.cell.reading;
    // "x" is how a level is chosen on its own row; anywhere else it is not a score.
    const markOnTier = reading.kind === 'mark' && entry.tier !== null && entry.units !== null;
    if (reading.kind === 'number') {
      if (reading.fromText) add('text-number', entry.cell, node.code, { text: reading.raw, score: reading.units }, column);
    } else if (!markOnTier) {
      reportUnreadable(entry.cell, node.code, add, column);
      unreadable = true;
    }
  }
  if (score.empty) {
    if (column === 'self') add('unscored', leafCell, node.code, {}, column);
    return;
  }
  if (score.conflictingTiers) add('multiple-tiers', leafCell, node.code, { count: score.entries.length }, column);
  const scoreCell = score.entries.length ? score.entries[0].cell : leafCell;
  const units = score.units;
  const tiers = ns.tiers;
  const outside = units < 0 || units > ns.max;
  if (tiers && tiers.proportional && outside && ns.max > 0) {
    add('off-tier', scoreCell, node.code, { score: units, allowed: [0, ns.max] }, column);
  } else if (units < 0) {
    add('negative', scoreCell, node.code, { score: units }, column);
  } else if (units > ns.max && (ns.typedMax !== null || ns.max > 0)) {
    add('over-max', scoreCell, node.code, { score: units, max: ns.max }, column);
  } else if (tiers && !unreadable && !score.conflictingTiers && !isAllowed(tiers, units)) {
    add('off-tier', scoreCell, node.code, { score: units, allowed: tiers.allowed || [] }, column);
  }
  if (column === 'self' && units > 0 && !hasEvidence(ns)) {
    const evidenceCell = node.cells.evidence;
    if (evidenceCell) add('missing-evidence', evidenceCell, node.code, { score: units }, column);
  }
}

/** The longest evidence text quoted in an evidence-unparsed message. */
const QUOTE_LENGTH = 60;

/**
 * Evidence dates of a scored leaf: its evidence cell and its tier rows' are read together, since officials
 * put the citation on whichever row they chose. The flag points at the first of them that holds text.
 */
function checkEvidenceDates(ns: NodeScore, add: AddFlag, year: number | null): void {
  const cells: RowCell[] = [];
  const candidates = [ns.node.cells.evidence];
  for (let i = 0; i < ns.node.tierRows.length; i++) candidates.push(ns.node.tierRows[i].cells.evidence);
  let linked = false;
  for (let i = 0; i < candidates.length; i++) {
    const cell = candidates[i];
    if (!cell) continue;
    if (cell.hyperlink || (cell.formula && /HYPERLINK\s*\(/i.test(cell.formula))) linked = true;
    if (/[0-9A-Za-z\u00c0-\u1ef9]/.test(cell.text)) cells.push(cell);
  }
  if (cells.length === 0) return; // no text (hyperlink only, or missing: another flag's business)
  const texts: string[] = [];
  for (let i = 0; i < cells.length; i++) texts.push(cells[i].text);
  const text = texts.join('\n');
  if (citesDateInYear(text, year)) return; // a document dated in the year (any date, the year unknown): nothing to flag
  const judgement = judgeEvidence(text, year);
  const code = ns.node.code;
  if (judgement.verdict === 'out-of-period' && year !== null) {
    const dates: string[] = [];
    let plan = false;
    for (let i = 0; i < judgement.outside.length; i++) {
      const c = judgement.outside[i];
      const shown = formatCitationDate(c);
      if (dates.indexOf(shown) < 0) dates.push(shown);
      if (c.docType === 'ke-hoach') plan = true; // say why a plan dated in the year before does not count
    }
    const params: FlagParams = { dates: dates.join(', '), year: year };
    if (plan) params.plan = 1;
    add('evidence-out-of-period', cells[0], code, params);
  } else if (judgement.verdict === 'unparsed' && !linked) {
    const quoted = toNfc(texts.join('; ').replace(/\s+/g, ' '));
    add('evidence-unparsed', cells[0], code, { text: quoted.length > QUOTE_LENGTH ? quoted.substring(0, QUOTE_LENGTH - 1) + '…' : quoted });
  }
}

/** Evidence is any text, a hyperlink, or a HYPERLINK() formula on the leaf row or one of its tier rows. */
function hasEvidence(ns: NodeScore): boolean {
  if (cellHasEvidence(ns.node.cells.evidence)) return true;
  for (let i = 0; i < ns.node.tierRows.length; i++) if (cellHasEvidence(ns.node.tierRows[i].cells.evidence)) return true;
  return false;
}

export function cellHasEvidence(cell: RowCell | null): boolean {
  if (!cell) return false;
  if (cell.hyperlink) return true;
  if (cell.formula && /HYPERLINK\s*\(/i.test(cell.formula)) return true;
  return /[0-9A-Za-z\u00c0-\u1ef9]/.test(cell.text);
}

function checkParent(ns: NodeScore, add: AddFlag): void {
  const cells = ns.node.cells;
  checkTypedTotal(cells.max, cells.self, cells.appraised, ns.max, ns.self.units, ns.appraised ? ns.appraised.units : null, ns.node.code, add, ns.node.survey);
}

function checkTypedTotal(
  maxCell: RowCell | null,
  selfCell: RowCell | null,
  appraisedCell: RowCell | null,
  max: Points,
  self: Points,
  appraised: Points | null,
  code: string,
  add: AddFlag,
  survey?: boolean,
): void {
  if (maxCell && maxCell.reading.kind === 'number' && maxCell.reading.units !== max) {
    add('max-mismatch', maxCell, code, { typed: maxCell.reading.units, expected: max });
  }
  if (survey) return;
  checkTypedScore(selfCell, self, code, add, 'self');
  if (appraised !== null) checkTypedScore(appraisedCell, appraised, code, add, 'appraised');
}

function checkTypedScore(cell: RowCell | null, computed: Points, code: string, add: AddFlag, column: ScoreColumn): void {
  if (!cell) return;
  const reading = cell.reading;
  if (reading.kind === 'empty') return;
  if (reading.kind === 'number') {
    if (reading.units !== computed) add('hand-total-mismatch', cell, code, { typed: reading.units, computed: computed }, column);
    return;
  }
  const shown = reading.kind === 'error' ? reading.error : reading.raw;
  add('hand-total-mismatch', cell, code, { typed: shown, computed: computed }, column);
}
