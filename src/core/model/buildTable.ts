import { cellAt, SheetGrid } from '../grid';
import { CellReading, cellText, isSurveyText, MAY_MENTION_SURVEY, parseTextNumber, readCell } from '../number/readCell';
import { displayText } from '../recognise/cellText';
import { parentCode, readRowCode } from '../recognise/rowCode';
import { foldText } from '../text/fold';
import { ColumnMap, isHeaderRow, TableHeader } from '../recognise/header';
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
    deduction: sized(bound),
    part: sized(bound),
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

/** "Điểm trừ", "trừ điểm": a deduction criterion's name. Texts are NFC, so the cheap test cannot miss one. */
const MAY_MENTION_DEDUCTION = /tr[\u1eeb\u1eea]|tru diem|diem tru/i;

/**
 * A name that is a deduction: it starts (after its code) with "Điểm trừ" or "Trừ điểm". A criterion that
 * only mentions them ("Không bị trừ điểm thi đua") earns points like any other, unless it has no maximum
 * and a score below zero or guidance that takes points off ("Để xảy ra khiếu nại…: trừ 1 điểm").
 */
export function mentionsDeduction(text: string): boolean {
  if (!MAY_MENTION_DEDUCTION.test(text)) return false;
  return /^\s*(\(?[0-9ivxl]+(\.[0-9]+)*[.)]?\s+|[a-z][).]\s+|[-+*]\s*)?(diem tru|tru diem|tru)\b/.test(foldText(text));
}

/** A score typed below zero. */
function negativeScore(reading: CellReading): boolean {
  return reading.kind === 'number' && reading.units < 0;
}

/** Guidance that takes points off ("Mỗi lần bị phê bình, nhắc nhở trừ 1 điểm"), for a criterion with no maximum. */
function guidanceDeducts(sheet: SheetGrid, row: number, col: number | undefined): boolean {
  const text = textAt(sheet, row, col);
  return text !== '' && MAY_MENTION_DEDUCTION.test(text) && /\btru\b/.test(foldText(text));
}

/** How far ahead the parts test looks for a criterion's lettered rows. */
const PARTS_LOOKAHEAD = 200;

/**
 * Lettered rows under a criterion ("a)", "b)") are either its parts, each with its own score and
 * evidence, or its levels, one of which is chosen. Parts when their maxima add up to the criterion's
 * (and none is the whole of it), or, without a maximum on the criterion, when several carry a score.
 */
function readLetteredRows(sheet: SheetGrid, c: ColumnMap, from: number, criterionMax: CellReading, codesInName: boolean): { parts: boolean; doubt: string | null; rows: number[] } {
  let sum = 0;
  let count = 0;
  let typedMaxima = 0;
  let wholeMax = false;
  let scored = 0;
  const rows: number[] = [];
  for (let r = from; r < sheet.rows.length && r < from + PARTS_LOOKAHEAD; r++) {
    if (!sheet.rows[r]) continue;
    const token = readRowCode(codeValue(sheet, r, c.code), textAt(sheet, r, c.name), codesInName);
    if (token.kind === 'code' || token.kind === 'group' || token.kind === 'total') break;
    if (token.kind !== 'letter') continue;
    count++;
    rows.push(r);
    const max = readingAt(sheet, r, c.max);
    if (max.kind === 'number') {
      typedMaxima++;
      sum += max.units;
      if (criterionMax.kind === 'number' && max.units === criterionMax.units) wholeMax = true;
    }
    const self = readingAt(sheet, r, c.self);
    if (self.kind === 'number') scored++;
  }
  if (count < 2) return { parts: false, doubt: null, rows: rows };
  const addsUp = criterionMax.kind === 'number' && typedMaxima === count && sum === criterionMax.units && !wholeMax;
  if (addsUp) return { parts: true, doubt: null, rows: rows };
  if (criterionMax.kind !== 'number' && typedMaxima === count && scored >= 2) return { parts: true, doubt: null, rows: rows };
  // Several lettered rows scored but read as levels: the multiple-tiers flag says so too; say why.
  return { parts: false, doubt: scored >= 2 ? 'levels' : null, rows: rows };
}

/** The number of a field code for restarts under a new group ("3" gives 3); NaN for any other code. */
function fieldNumber(code: string): number {
  return /^\d+$/.test(code) ? parseInt(code, 10) : NaN;
}

/**
 * Reads the body of a recognised table into a criterion tree (build step of the pipeline). Codes are
 * read by outline: fields numbered I, II may have criteria renumbered 1, 2 under each, dotted codes hang
 * under the deepest node they extend, lettered rows are parts or levels; each node gets a unique path
 * code ("2.1.a") and keeps the sheet's own label. Group rows (A, B) head fields, a group about the
 * survey making its criteria survey criteria. The table ends at its total row or at the header of the
 * next table.
 */
export function buildTable(sheet: SheetGrid, header: TableHeader, titleLines?: string[]): ScoringTable {
  const c = header.columns;
  const bound = bodyRowBound(sheet, header);
  const criteria = criteriaColumns(bound);
  const tiers = tierColumns(bound);
  const lastChild = indexColumn(bound, -1);
  const labelCode: string[] = sized(bound);
  let count = 0;
  let tierCount = 0;
  const rootIndexes: number[] = [];
  const tree = new CodeTree(criteria.code, criteria.parent, bound);
  const duplicates: { [code: string]: number[] } = {};
  let current = -1;
  let total: ScoringTable['total'] = null;
  const codesInName = c.code === undefined;
  const specialRows: RowReading[] = [];
  const structureDoubts: ScoringTable['structureDoubts'] = [];
  // Outline state: the path from a field to the last node, whether fields are roman numerals, the group.
  const path: number[] = [];
  let romanFields = false;
  let groupSurvey = false;
  let groupLetter = '';
  let groupPrefix = '';
  let groupRestartPossible = false;
  let lastFieldNumber = -1;
  let deductions = 0;
  let partParent = -1;
  let partsMode = false;
  let deductionIfLeaf: number[] | null = null;
  let endRow = sheet.rows.length;
  let nextStart = sheet.rows.length;

  const addNode = function (r: number, code: string, label: string, rawCode: string, name: string, max: CellReading, self: CellReading, kind: 'criterion' | 'part' | 'deduction'): number {
    const i = count++;
    const guidance = textAt(sheet, r, c.guidance);
    const note = textAt(sheet, r, c.note);
    let survey = groupSurvey || self.kind === 'survey' || mentionsSurvey(name) || mentionsSurvey(guidance) || mentionsSurvey(note);
    let deduction = kind === 'deduction';
    criteria.code[i] = code;
    labelCode[i] = label;
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
      if (criteria.deduction[parent]) deduction = true;
    } else {
      rootIndexes.push(i);
    }
    // The outline path: cut back to the parent (rebuilt when the parent is off it), then this node.
    let p = path.length - 1;
    while (p >= 0 && path[p] !== parent) p--;
    if (p >= 0 || parent < 0) path.length = p + 1;
    else {
      path.length = 0;
      for (let n = parent; n >= 0; n = criteria.parent[n]) path.unshift(n);
    }
    path.push(i);
    lastChild[i] = -1;
    criteria.row[i] = r;
    criteria.rawCode[i] = rawCode;
    criteria.depth[i] = parent >= 0 ? criteria.depth[parent] + 1 : 1;
    criteria.parent[i] = parent;
    criteria.firstChild[i] = -1;
    criteria.nextSibling[i] = -1;
    criteria.survey[i] = survey;
    criteria.deduction[i] = deduction;
    criteria.part[i] = kind === 'part';
    criteria.name[i] = name;
    criteria.guidance[i] = guidance;
    criteria.note[i] = note;
    criteria.max[i] = max;
    criteria.self[i] = self;
    criteria.appraised[i] = readingAt(sheet, r, c.appraised);
    criteria.tierStart[i] = tierCount;
    criteria.tierEnd[i] = tierCount;
    current = i;
    return i;
  };

  for (let r = header.firstBodyRow; r < sheet.rows.length; r++) {
    if (!sheet.rows[r]) continue;
    const codeText = c.code === undefined ? '' : cellText(cellAt(sheet, r, c.code));
    const name = textAt(sheet, r, c.name);
    const max = readingAt(sheet, r, c.max);
    const self = readingAt(sheet, r, c.self);
    if (codeText === '' && name === '' && max.kind === 'empty' && self.kind === 'empty') continue; // blank row
    // The header of a following table (Phụ lục 2 under Phụ lục 1): words where the scores go.
    if (count > 0 && max.kind === 'text' && isHeaderRow(sheet, r)) {
      endRow = r;
      nextStart = r;
      break;
    }
    const rowCode = readRowCode(codeValue(sheet, r, c.code), name, codesInName);
    if (rowCode.kind === 'total') {
      total = { cells: readTableRow(sheet, header, r) };
      specialRows.push({ row: r, kind: 'total', label: rowCode.raw, code: '' });
      // Some sheets put the total right under the header; after the criteria come signatures and notes.
      if (count > 0) {
        endRow = r + 1;
        nextStart = r + 1;
        break;
      }
      continue;
    }
    if (rowCode.kind === 'group') {
      groupSurvey = mentionsSurvey(name) || self.kind === 'survey';
      groupLetter = rowCode.letter;
      groupRestartPossible = count > 0;
      path.length = 0;
      current = -1;
      partParent = -1;
      specialRows.push({ row: r, kind: 'group', label: rowCode.raw, code: '' });
      continue;
    }
    if (rowCode.kind === 'letter') {
      const owner = partParent >= 0 && partsMode ? partParent : current;
      if (owner >= 0 && owner !== partParent) {
        const lettered = readLetteredRows(sheet, c, r, criteria.max[owner], codesInName);
        partParent = owner;
        partsMode = lettered.parts;
        if (lettered.doubt) structureDoubts.push({ row: criteria.row[owner], code: criteria.code[owner], rows: lettered.rows.map(oneBased).join(', '), reading: lettered.doubt });
      }
      if (owner >= 0 && partsMode) {
        const letter = rowCode.letter.toLowerCase();
        addNode(r, criteria.code[owner] + '.' + letter, letter, rowCode.raw, name, max, self, mentionsDeduction(name) ? 'deduction' : 'part');
        continue;
      }
    }
    if (rowCode.kind === 'code') {
      let code = rowCode.code;
      const atFieldLevel = rowCode.style === 'roman' || (rowCode.style === 'arabic' && (!romanFields || path.length === 0));
      if (atFieldLevel) {
        if (rowCode.style === 'roman') romanFields = true;
        const number = fieldNumber(code);
        // Fields numbered again under a new group (A: I, II…; B: I, II…) are told apart by the group letter.
        if (groupRestartPossible) {
          groupPrefix = number <= lastFieldNumber ? groupLetter + '.' : groupPrefix;
          groupRestartPossible = false;
        }
        lastFieldNumber = number;
        if (groupPrefix) code = groupPrefix + code;
      } else if (rowCode.style === 'arabic') {
        // Outline numbering: under a roman field, "1", "2" are its criteria.
        code = criteria.code[path[0]] + '.' + code;
      } else {
        const wanted = parentCode(code)!;
        let owner = -1;
        for (let p = path.length - 1; p >= 0 && owner < 0; p--) if (labelCode[path[p]] === wanted) owner = path[p];
        if (owner >= 0) {
          const ownerCode = criteria.code[owner];
          if (ownerCode !== wanted) code = ownerCode + code.substring(wanted.length);
        } else if (groupPrefix) {
          code = groupPrefix + code;
        }
      }
      partParent = -1;
      const deduction = mentionsDeduction(name) || (max.kind === 'number' && max.units < 0);
      const i = addNode(r, code, rowCode.code, rowCode.raw, name, max, self, deduction ? 'deduction' : 'criterion');
      // No maximum and a score below zero, or guidance that takes points off: a deduction if it is a leaf
      // (a field's own subtotal can be negative too), known once the rows below are read.
      if (!deduction && max.kind === 'empty' && (negativeScore(self) || guidanceDeducts(sheet, r, c.guidance))) (deductionIfLeaf || (deductionIfLeaf = [])).push(i);
      continue;
    }
    // An uncoded "Điểm trừ" row with points of its own: a deduction of the whole table, not a level;
    // its path code "T1", "T2" (trừ) is short and cannot be a sheet's code.
    if (rowCode.kind === 'none' && mentionsDeduction(name) && (max.kind === 'number' || self.kind === 'number')) {
      path.length = 0;
      partParent = -1;
      addNode(r, 'T' + ++deductions, '', '', name, max, self, 'deduction');
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
    } else {
      specialRows.push({ row: r, kind: 'ignored', label: rowCode.kind === 'bullet' ? rowCode.raw : '', code: '' });
    }
  }

  if (deductionIfLeaf) for (let d = 0; d < deductionIfLeaf.length; d++) if (criteria.firstChild[deductionIfLeaf[d]] < 0) criteria.deduction[deductionIfLeaf[d]] = true;
  cutTo(criteria, count);
  cutTo(tiers, tierCount);
  const duplicateCodes: ScoringTable['duplicateCodes'] = [];
  for (const code in duplicates) {
    if (Object.prototype.hasOwnProperty.call(duplicates, code)) duplicateCodes.push({ code: code, rows: duplicates[code] });
  }
  const table = new FlatScoringTable(sheet, header, titleLines || titleLinesOf(sheet, 0, header.top), criteria, tiers, rootIndexes, total, duplicateCodes);
  table.endRow = endRow;
  table.nextStart = nextStart;
  table.specialRows = specialRows;
  table.structureDoubts = structureDoubts;
  return table;
}

function oneBased(row: number): string {
  return String(row + 1);
}

/** The text of the rows from `from` up to `to` (exclusive), one line per row: a table's title rows. */
export function titleLinesOf(sheet: SheetGrid, from: number, to: number): string[] {
  const titleLines: string[] = [];
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const parts: string[] = [];
    for (let col = 0; col < row.length; col++) {
      const t = displayText(row[col]);
      if (t !== '') parts.push(t);
    }
    if (parts.length) titleLines.push(parts.join(' '));
  }
  return titleLines;
}

/**
 * The table keeps its sheet, and makes the node objects (`nodes`, `roots`) from it on first use,
 * reading each row exactly as the build did. Getters and methods live on the prototype: a getter
 * defined on each object would give each its own hidden class in old space.
 */
class FlatScoringTable implements ScoringTable {
  sheet: string;
  columns: ColumnMap;
  endRow: number;
  nextStart: number;
  specialRows: RowReading[] = [];
  structureDoubts: ScoringTable['structureDoubts'] = [];
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
    this.endRow = grid.rows.length;
    this.nextStart = grid.rows.length;
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
    const out: RowReading[] = this.specialRows.slice();
    const k = this.criteria;
    for (let i = 0; i < k.row.length; i++) {
      const kind = k.deduction[i] ? 'deduction' : k.survey[i] ? 'survey' : k.part[i] ? 'part' : 'criterion';
      out.push({ row: k.row[i], kind: kind, label: k.rawCode[i], code: k.code[i] });
      for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) out.push({ row: this.tiers.row[j], kind: 'tier', label: '', code: k.code[i] });
    }
    out.sort(function (a, b) {
      return a.row - b.row;
    });
    const hidden = this.grid.hidden ? this.grid.hidden.rows : [];
    // Both lists ascend: one pass marks the hidden rows.
    for (let i = 0, h = 0; i < out.length && h < hidden.length; i++) {
      while (h < hidden.length && hidden[h] < out[i].row) h++;
      if (h < hidden.length && hidden[h] === out[i].row) out[i].hidden = true;
    }
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
        deduction: k.deduction[i],
        part: k.part[i],
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
