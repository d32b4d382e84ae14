import { cellAt, SheetGrid } from '../grid';
import { cellText, isSurveyText, MAY_MENTION_SURVEY, parseTextNumber, readCell } from '../number/readCell';
import { displayText } from '../recognise/cellText';
import { TableHeader } from '../recognise/header';
import { parentCode, readRowCode } from '../recognise/rowCode';
import { foldText } from '../text/fold';
import { CriterionNode, RowCell, ScoringTable, TableRow, TierRow } from './types';

const NOT_A_SCORE: RowCell['reading'] = { kind: 'empty' };

// Most nodes are leaves without tier rows: they share these empty (frozen) lists until a first push.
const NO_CHILDREN: CriterionNode[] = Object.freeze([]) as unknown as CriterionNode[];
const NO_TIER_ROWS: TierRow[] = Object.freeze([]) as unknown as TierRow[];

/** Score and max cells are read as numbers; other cells (evidence) only as text. */
function readRowCell(sheet: SheetGrid, row: number, col: number | undefined, asScore = true): RowCell | null {
  if (col === undefined) return null;
  const cell = cellAt(sheet, row, col);
  // Decoding text costs; score cells are judged by their reading, so only text cells get it.
  const result: RowCell = { row: row, col: col, reading: asScore ? readCell(cell) : NOT_A_SCORE, text: asScore ? '' : displayText(cell) };
  if (cell && cell.formula) result.formula = cell.formula;
  if (cell && cell.hyperlink) result.hyperlink = cell.hyperlink;
  return result;
}

function textAt(sheet: SheetGrid, row: number, col: number | undefined): string {
  return col === undefined ? '' : displayText(cellAt(sheet, row, col));
}

function readTableRow(sheet: SheetGrid, header: TableHeader, row: number): TableRow {
  const c = header.columns;
  return {
    row: row,
    codeText: c.code === undefined ? '' : cellText(cellAt(sheet, row, c.code)),
    name: textAt(sheet, row, c.name),
    max: readRowCell(sheet, row, c.max),
    self: readRowCell(sheet, row, c.self),
    appraised: readRowCell(sheet, row, c.appraised),
    evidence: readRowCell(sheet, row, c.evidence, false),
    guidance: textAt(sheet, row, c.guidance),
    note: textAt(sheet, row, c.note),
    percent: readRowCell(sheet, row, c.percent),
    appraisedPercent: readRowCell(sheet, row, c.appraisedPercent),
  };
}

function isBlankRow(cells: TableRow): boolean {
  return (
    cells.codeText === '' &&
    cells.name === '' &&
    (!cells.max || cells.max.reading.kind === 'empty') &&
    (!cells.self || cells.self.reading.kind === 'empty')
  );
}

/** Points a tier row stands for: its max cell, else a number written in its own words. */
function tierPoints(cells: TableRow): number | null {
  if (cells.max && cells.max.reading.kind === 'number') return cells.max.reading.units;
  const m = /[:=]\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|diem|đ)?\s*[.;]?\s*$/i.exec(cells.name);
  return m ? parseTextNumber(m[1]) : null;
}

function codeValue(sheet: SheetGrid, row: number, col: number | undefined): string | number | null {
  if (col === undefined) return null;
  const cell = cellAt(sheet, row, col);
  if (!cell || cell.value === null || cell.value === undefined || typeof cell.value === 'boolean') return null;
  return typeof cell.value === 'number' ? cell.value : displayText(cell);
}


function rowMentionsSurvey(cells: TableRow): boolean {
  if (cells.self && cells.self.reading.kind === 'survey') return true;
  // Texts here are already NFC (displayText), so the cheap test cannot miss a real mention.
  return mentionsSurvey(cells.name) || mentionsSurvey(cells.guidance) || mentionsSurvey(cells.note);
}

function mentionsSurvey(text: string): boolean {
  return MAY_MENTION_SURVEY.test(text) && isSurveyText(foldText(text));
}

/** Reads the body of a recognised table into a criterion tree (build step of the pipeline). */
export function buildTable(sheet: SheetGrid, header: TableHeader): ScoringTable {
  const roots: CriterionNode[] = [];
  const nodes: CriterionNode[] = [];
  const byCode: { [code: string]: CriterionNode } = {};
  const duplicates: { [code: string]: number[] } = {};
  let current: CriterionNode | null = null;
  let total: ScoringTable['total'] = null;

  for (let r = header.firstBodyRow; r < sheet.rows.length; r++) {
    if (!sheet.rows[r]) continue;
    const cells = readTableRow(sheet, header, r);
    if (isBlankRow(cells)) continue;
    const rowCode = readRowCode(codeValue(sheet, r, header.columns.code), cells.name);
    if (rowCode.kind === 'total') {
      total = { cells: cells };
      // Some sheets put the total right under the header; after the criteria come signatures and notes.
      if (nodes.length > 0) break;
      continue;
    }
    if (rowCode.kind === 'code') {
      const node: CriterionNode = {
        index: nodes.length,
        code: rowCode.code,
        rawCode: rowCode.raw,
        depth: rowCode.depth,
        cells: cells,
        parent: null,
        children: NO_CHILDREN,
        tierRows: NO_TIER_ROWS,
        survey: rowMentionsSurvey(cells),
      };
      if (byCode[rowCode.code]) {
        const rows = duplicates[rowCode.code] || (duplicates[rowCode.code] = [byCode[rowCode.code].cells.row]);
        rows.push(r);
      }
      // Nearest existing ancestor: a missing "1.2" still leaves "1.2.1" under field 1.
      let ancestorCode = parentCode(rowCode.code);
      while (ancestorCode !== null && !byCode[ancestorCode]) ancestorCode = parentCode(ancestorCode);
      const parent = ancestorCode !== null ? byCode[ancestorCode] : null;
      node.parent = parent;
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [];
        parent.children.push(node);
        if (parent.survey) node.survey = true;
      } else {
        roots.push(node);
      }
      byCode[rowCode.code] = node;
      nodes.push(node);
      current = node;
      continue;
    }
    // Uncoded, bulleted rows belong to the criterion above: levels or notes.
    if (current) {
      const tier: TierRow = { cells: cells, points: tierPoints(cells), label: cells.name };
      if (current.tierRows === NO_TIER_ROWS) current.tierRows = [];
      current.tierRows.push(tier);
    }
  }

  const duplicateCodes: ScoringTable['duplicateCodes'] = [];
  for (const code in duplicates) {
    if (Object.prototype.hasOwnProperty.call(duplicates, code)) duplicateCodes.push({ code: code, rows: duplicates[code] });
  }
  const titleLines: string[] = [];
  for (let r = 0; r < header.top; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const parts: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const t = displayText(row[c]);
      if (t !== '') parts.push(t);
    }
    if (parts.length) titleLines.push(parts.join(' '));
  }
  return {
    sheet: sheet.name,
    header: header,
    columns: header.columns,
    titleLines: titleLines,
    roots: roots,
    nodes: nodes,
    total: total,
    duplicateCodes: duplicateCodes,
  };
}
