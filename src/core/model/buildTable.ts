import { cellAt, SheetGrid } from '../grid';
import { CellReading, cellText, isSurveyText, MAY_MENTION_SURVEY, parseTextNumber, readCell } from '../number/readCell';
import { displayText } from '../recognise/cellText';
import { readRowCode } from '../recognise/rowCode';
import { foldText } from '../text/fold';
import { ColumnMap, TableHeader } from '../recognise/header';
import { RowReading } from '../recognise/reading';
import { CodeTree } from './codeTree';
import { cutColumn, indexColumn, NumberColumn, pointsColumn } from './columns';
import { CriterionNode, NodeColumns, RowCell, ScoringTable, TableRow, TierColumns, TierRow } from './types';

const NOT_A_SCORE: RowCell['reading'] = { kind: 'empty' };

// Most nodes are leaves without tier rows: they share these empty (frozen) lists until a first push.
const NO_CHILDREN: CriterionNode[] = Object.freeze([]) as unknown as CriterionNode[];
const NO_TIER_ROWS: TierRow[] = Object.freeze([]) as unknown as TierRow[];

/** Score and max cells are read as numbers; other cells (evidence) only as text. */
export function readRowCell(sheet: SheetGrid, row: number, col: number | undefined, asScore = true): RowCell | null {
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

/** A score or max cell's reading; an empty one where the sheet has no such column. */
function readingAt(sheet: SheetGrid, row: number, col: number | undefined): CellReading {
  return col === undefined ? NOT_A_SCORE : readCell(cellAt(sheet, row, col));
}

/** Points a tier row stands for: its max cell, else a number written in its own words. */
function tierPoints(max: CellReading, name: string): number | null {
  if (max.kind === 'number') return max.units;
  const m = /[:=]\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|diem|đ)?\s*[.;]?\s*$/i.exec(name);
  return m ? parseTextNumber(m[1]) : null;
}

function codeValue(sheet: SheetGrid, row: number, col: number | undefined): string | number | null {
  if (col === undefined) return null;
  const cell = cellAt(sheet, row, col);
  if (!cell || cell.value === null || cell.value === undefined || typeof cell.value === 'boolean') return null;
  return typeof cell.value === 'number' ? cell.value : displayText(cell);
}

// Texts here are already NFC (displayText), so the cheap test cannot miss a real mention.
function mentionsSurvey(text: string): boolean {
  return MAY_MENTION_SURVEY.test(text) && isSurveyText(foldText(text));
}

/**
 * Columns are made at their final size (at most one entry per body row) and cut to length at the end:
 * grown by push, a big table's arrays would be copied a dozen times each, and the discarded copies
 * (too big for the young generation) would call for full collections that mark the whole sheet.
 */
function sized<T>(bound: number): T[] {
  return new Array<T>(bound);
}

function criteriaColumns(bound: number): NodeColumns {
  return {
    row: indexColumn(bound, 0),
    code: sized(bound),
    rawCode: sized(bound),
    depth: indexColumn(bound, 0),
    parent: indexColumn(bound, -1),
    firstChild: indexColumn(bound, -1),
    nextSibling: indexColumn(bound, -1),
    survey: sized(bound),
    name: sized(bound),
    guidance: sized(bound),
    note: sized(bound),
    max: sized(bound),
    self: sized(bound),
    appraised: sized(bound),
    tierStart: indexColumn(bound, 0),
    tierEnd: indexColumn(bound, 0),
  };
}

function tierColumns(bound: number): TierColumns {
  return { row: indexColumn(bound, 0), points: pointsColumn(bound, NaN), max: sized(bound), self: sized(bound), appraised: sized(bound), guidance: sized(bound) };
}

/** Cuts every column of a set to `count` entries. */
function cutTo(columns: NodeColumns | TierColumns, count: number): void {
  const all = columns as unknown as { [name: string]: NumberColumn };
  for (const name in all) if (Object.prototype.hasOwnProperty.call(all, name)) all[name] = cutColumn(all[name], count);
}

/** Rows the body may hold: those present from the first body row on. */
function bodyRowBound(sheet: SheetGrid, header: TableHeader): number {
  let n = 0;
  for (let r = header.firstBodyRow; r < sheet.rows.length; r++) if (sheet.rows[r]) n++;
  return n;
}

/** Reads the body of a recognised table into a criterion tree (build step of the pipeline). */
export function buildTable(sheet: SheetGrid, header: TableHeader): ScoringTable {
  const c = header.columns;
  const bound = bodyRowBound(sheet, header);
  const criteria = criteriaColumns(bound);
  const tiers = tierColumns(bound);
  const lastChild = indexColumn(bound, -1);
  let count = 0;
  let tierCount = 0;
  const rootIndexes: number[] = [];
  const tree = new CodeTree(criteria.code, criteria.parent, bound);
  const duplicates: { [code: string]: number[] } = {};
  let current = -1;
  let total: ScoringTable['total'] = null;

  for (let r = header.firstBodyRow; r < sheet.rows.length; r++) {
    if (!sheet.rows[r]) continue;
    const codeText = c.code === undefined ? '' : cellText(cellAt(sheet, r, c.code));
    const name = textAt(sheet, r, c.name);
    const max = readingAt(sheet, r, c.max);
    const self = readingAt(sheet, r, c.self);
    if (codeText === '' && name === '' && max.kind === 'empty' && self.kind === 'empty') continue; // blank row
    const rowCode = readRowCode(codeValue(sheet, r, c.code), name);
    if (rowCode.kind === 'total') {
      total = { cells: readTableRow(sheet, header, r) };
      // Some sheets put the total right under the header; after the criteria come signatures and notes.
      if (count > 0) break;
      continue;
    }
    if (rowCode.kind === 'code') {
      const i = count++;
      const code = rowCode.code;
      const guidance = textAt(sheet, r, c.guidance);
      const note = textAt(sheet, r, c.note);
      let survey = self.kind === 'survey' || mentionsSurvey(name) || mentionsSurvey(guidance) || mentionsSurvey(note);
      criteria.code[i] = code;
      const seen = tree.add(i);
      if (seen >= 0) {
        const rows = duplicates[code] || (duplicates[code] = [criteria.row[seen]]);
        rows.push(r);
      }
      const parent = tree.parent;
      if (parent >= 0) {
        if (lastChild[parent] < 0) criteria.firstChild[parent] = i;
        else criteria.nextSibling[lastChild[parent]] = i;
        lastChild[parent] = i;
        if (criteria.survey[parent]) survey = true;
      } else {
        rootIndexes.push(i);
      }
      lastChild[i] = -1;
      criteria.row[i] = r;
      criteria.rawCode[i] = rowCode.raw;
      criteria.depth[i] = rowCode.depth;
      criteria.parent[i] = parent;
      criteria.firstChild[i] = -1;
      criteria.nextSibling[i] = -1;
      criteria.survey[i] = survey;
      criteria.name[i] = name;
      criteria.guidance[i] = guidance;
      criteria.note[i] = note;
      criteria.max[i] = max;
      criteria.self[i] = self;
      criteria.appraised[i] = readingAt(sheet, r, c.appraised);
      criteria.tierStart[i] = tierCount;
      criteria.tierEnd[i] = tierCount;
      current = i;
      continue;
    }
    // Uncoded, bulleted rows belong to the criterion above: levels or notes.
    if (current >= 0) {
      const points = tierPoints(max, name);
      const t = tierCount++;
      tiers.row[t] = r;
      tiers.points[t] = points === null ? NaN : points;
      tiers.max[t] = max;
      tiers.self[t] = self;
      tiers.appraised[t] = readingAt(sheet, r, c.appraised);
      tiers.guidance[t] = textAt(sheet, r, c.guidance);
      criteria.tierEnd[current] = tierCount;
    }
  }

  cutTo(criteria, count);
  cutTo(tiers, tierCount);
  const duplicateCodes: ScoringTable['duplicateCodes'] = [];
  for (const code in duplicates) {
    if (Object.prototype.hasOwnProperty.call(duplicates, code)) duplicateCodes.push({ code: code, rows: duplicates[code] });
  }
  const titleLines: string[] = [];
  for (let r = 0; r < header.top; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const parts: string[] = [];
    for (let col = 0; col < row.length; col++) {
      const t = displayText(row[col]);
      if (t !== '') parts.push(t);
    }
    if (parts.length) titleLines.push(parts.join(' '));
  }
  return new FlatScoringTable(sheet, header, titleLines, criteria, tiers, rootIndexes, total, duplicateCodes);
}

/**
 * The table keeps its sheet, and makes the node objects (`nodes`, `roots`) from it on first use,
 * reading each row exactly as the build did. Getters and methods live on the prototype: a getter
 * defined on each object would give each its own hidden class in old space.
 */
class FlatScoringTable implements ScoringTable {
  sheet: string;
  columns: ColumnMap;
  private made: { nodes: CriterionNode[]; roots: CriterionNode[] } | null = null;

  constructor(
    private grid: SheetGrid,
    public header: TableHeader,
    public titleLines: string[],
    public criteria: NodeColumns,
    public tiers: TierColumns,
    public rootIndexes: number[],
    public total: ScoringTable['total'],
    public duplicateCodes: ScoringTable['duplicateCodes'],
  ) {
    this.sheet = grid.name;
    this.columns = header.columns;
  }

  get nodes(): CriterionNode[] {
    return this.make().nodes;
  }

  get roots(): CriterionNode[] {
    return this.make().roots;
  }

  rowReadings(): RowReading[] {
    const out: RowReading[] = [];
    const k = this.criteria;
    for (let i = 0; i < k.row.length; i++) {
      out.push({ row: k.row[i], kind: k.survey[i] ? 'survey' : 'criterion', label: k.rawCode[i], code: k.code[i] });
      for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) out.push({ row: this.tiers.row[j], kind: 'tier', label: '', code: '' });
    }
    if (this.total) out.push({ row: this.total.cells.row, kind: 'total', label: '', code: '' });
    return out;
  }

  rowCell(row: number, col: number | undefined, asScore: boolean): RowCell | null {
    return readRowCell(this.grid, row, col, asScore);
  }

  private make(): { nodes: CriterionNode[]; roots: CriterionNode[] } {
    if (this.made) return this.made;
    const k = this.criteria;
    const t = this.tiers;
    const nodes: CriterionNode[] = [];
    const roots: CriterionNode[] = [];
    for (let i = 0; i < k.row.length; i++) {
      const parent = k.parent[i] >= 0 ? nodes[k.parent[i]] : null;
      const node: CriterionNode = {
        index: i,
        code: k.code[i],
        rawCode: k.rawCode[i],
        depth: k.depth[i],
        cells: readTableRow(this.grid, this.header, k.row[i]),
        parent: parent,
        children: NO_CHILDREN,
        tierRows: NO_TIER_ROWS,
        survey: k.survey[i],
      };
      for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
        const cells = readTableRow(this.grid, this.header, t.row[j]);
        if (node.tierRows === NO_TIER_ROWS) node.tierRows = [];
        node.tierRows.push({ cells: cells, points: t.points[j] === t.points[j] ? t.points[j] : null, label: cells.name });
      }
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [];
        parent.children.push(node);
      } else {
        roots.push(node);
      }
      nodes.push(node);
    }
    this.made = { nodes: nodes, roots: roots };
    return this.made;
  }
}
