import { Points } from '../number/points';
import { CellReading } from '../number/readCell';
import { indexColumn, NumberColumn, pointsColumn } from '../model/columns';
import { CriterionNode, RowCell, ScoringTable, TableRow, TierRow } from '../model/types';
import { tierInfoFor, TierInfo } from './tiers';

export type ScoreColumn = 'self' | 'appraised';

/**
 * A term of the SUM formula that reproduces a score in Excel: a cell, or a literal for points
 * written only in words. Excel's SUM skips text, so a score typed as text ("1,5") is read with
 * NUMBERVALUE and the decimal mark it was typed with.
 */
export type ScoreRef = { row: number; col: number; decimalMark?: ',' | '.'; negate?: boolean } | { literal: Points };

/** One non-empty score cell that went into a score, kept for the checks. */
export interface ScoreEntry {
  cell: RowCell;
  tier: TierRow | null;
  /** Points this entry adds: the number typed, or the tier's points for an "x". */
  units: Points | null;
}

export interface ColumnScore {
  units: Points;
  refs: ScoreRef[];
  entries: ScoreEntry[];
  /** Nothing was entered on the leaf or its tier rows. */
  empty: boolean;
  /** More than one alternative level chosen, or the leaf row and a tier row disagree. */
  conflictingTiers: boolean;
}

export interface NodeScore {
  node: CriterionNode;
  leaf: boolean;
  /** Leaf: its maximum (typed, else its top level); parent: sum of its children's. */
  max: Points;
  /** As max, without survey (ĐTXHH) criteria: what the commune can score itself. */
  selfAssessableMax: Points;
  /** The number typed in the max cell, if any. */
  typedMax: Points | null;
  self: ColumnScore;
  appraised: ColumnScore | null;
  tiers: TierInfo | null;
}

/**
 * A table's scores are kept flat: a few numbers per node in plain arrays (`figures`, by node.index),
 * not an object tree. Kept as objects, a 100,000-leaf table outlived the young generation, so the
 * garbage collector copied and rescanned it and big tables cost twice as much per leaf as small ones.
 * A node's full score (cells, levels, SUM terms) is made again from the sheet when asked.
 */
export interface NodeFigures {
  max: NumberColumn;
  selfAssessableMax: NumberColumn;
  /** NaN where the max cell holds no number. */
  typedMax: NumberColumn;
  self: NumberColumn;
  /** NaN without an appraised column. */
  appraised: NumberColumn;
  /** Bits: see LEAF, SELF_EMPTY, SELF_CONFLICT, APPRAISED_EMPTY, APPRAISED_CONFLICT. */
  state: NumberColumn;
  tiers: Array<TierInfo | null>;
}

export const LEAF = 1;
export const SELF_EMPTY = 2;
export const SELF_CONFLICT = 4;
export const APPRAISED_EMPTY = 8;
export const APPRAISED_CONFLICT = 16;

export interface TableScore {
  table: ScoringTable;
  /** Every node's score, in table order. Made on first use; the pipeline itself reads `figures` and `view`. */
  readonly nodes: NodeScore[];
  /** One node's score, kept once made. */
  byNode: (node: CriterionNode) => NodeScore;
  figures: NodeFigures;
  max: Points;
  selfAssessableMax: Points;
  self: Points;
  appraised: Points | null;
}

export interface ScoreOptions {
  /** Allowed levels by criterion code from a profile, used where the sheet states none. */
  profileTiers?: { [code: string]: Points[] };
}

function cellOf(row: TableRow, column: ScoreColumn): RowCell | null {
  return column === 'self' ? row.self : row.appraised;
}

const NO_ENTRIES: ScoreEntry[] = Object.freeze([]) as unknown as ScoreEntry[];

/** An array made at its final size (grown by push, a big table's would be copied many times over). */
function filled<T>(count: number, value: T): T[] {
  const list = new Array<T>(count);
  for (let i = 0; i < count; i++) list[i] = value;
  return list;
}

/**
 * A leaf's entries, as objects for callers: the non-empty score cells of its row (first) and of its
 * tier rows, each with the points it adds (the number typed, or its level's points for an "x").
 */
function leafEntries(node: CriterionNode, column: ScoreColumn): ScoreEntry[] {
  const leafCell = node.survey ? null : cellOf(node.cells, column);
  if (!leafCell) return NO_ENTRIES;
  const entries: ScoreEntry[] = [];
  if (leafCell.reading.kind !== 'empty') entries.push({ cell: leafCell, tier: null, units: leafCell.reading.kind === 'number' ? leafCell.reading.units : null });
  for (let i = 0; i < node.tierRows.length; i++) {
    const tier = node.tierRows[i];
    const cell = cellOf(tier.cells, column);
    if (!cell || cell.reading.kind === 'empty') continue;
    entries.push({ cell: cell, tier: tier, units: cell.reading.kind === 'number' ? cell.reading.units : cell.reading.kind === 'mark' ? tier.points : null });
  }
  return entries.length ? entries : NO_ENTRIES;
}

/** The sheet column of a score column, undefined where the sheet has none. */
export function columnIndex(table: ScoringTable, column: ScoreColumn): number | undefined {
  return column === 'self' ? table.columns.self : table.columns.appraised;
}

/** A score term for a cell from its reading. */
function readingRef(row: number, col: number, reading: CellReading): ScoreRef {
  if (reading.kind === 'number' && reading.fromText) {
    // Plain "1,5" or "0.5" stays live through NUMBERVALUE; "1,25 điểm" can only be a literal.
    const plain = /^\s*[+-]?\d+(?:([.,])\d+)?\s*$/.exec(reading.raw);
    if (!plain) return { literal: reading.units };
    return { row: row, col: col, decimalMark: plain[1] === ',' ? ',' : '.' };
  }
  return { row: row, col: col };
}

/** What scoring keeps of a leaf's column; one scratch object, so scoring a leaf allocates nothing. */
const scratch = { units: 0, empty: true, conflicting: false };

/**
 * Leaf `i`'s column: its units, whether nothing is entered, whether levels conflict. A score typed on
 * the criterion row wins and tier rows beside it may only confirm it; otherwise the chosen levels add up.
 */
function leafFigures(table: ScoringTable, i: number, column: ScoreColumn, tiers: TierInfo | null): typeof scratch {
  scratch.units = 0;
  scratch.empty = true;
  scratch.conflicting = false;
  const k = table.criteria;
  if (k.survey[i] || columnIndex(table, column) === undefined) return scratch;
  const tierReadings = column === 'self' ? table.tiers.self : table.tiers.appraised;
  let count = 0;
  let total = 0;
  let firstUnits: Points | null = null;
  for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
    const reading = tierReadings[j];
    if (reading.kind === 'empty') continue;
    let units: Points | null = null;
    if (reading.kind === 'number') units = reading.units;
    else if (reading.kind === 'mark' && table.tiers.points[j] === table.tiers.points[j]) units = table.tiers.points[j];
    if (count === 0) firstUnits = units;
    count++;
    if (units !== null) total += units;
  }
  const leafReading = column === 'self' ? k.self[i] : k.appraised[i];
  if (leafReading.kind !== 'empty') {
    const units = leafReading.kind === 'number' ? leafReading.units : 0;
    scratch.units = units;
    scratch.empty = false;
    scratch.conflicting = count > 1 || (count === 1 && firstUnits !== units);
  } else if (count > 0) {
    scratch.units = total;
    scratch.empty = false;
    scratch.conflicting = count > 1 && !(tiers && tiers.additive);
  }
  return scratch;
}

function columnState(score: typeof scratch, emptyBit: number, conflictBit: number): number {
  return (score.empty ? emptyBit : 0) | (score.conflicting ? conflictBit : 0);
}

/** Post-order: a parent's figures are the sums of its children's. */
function scoreNode(table: ScoringTable, i: number, hasAppraised: boolean, options: ScoreOptions, f: NodeFigures): void {
  const k = table.criteria;
  const typedReading = k.max[i];
  const typedMax = typedReading.kind === 'number' ? typedReading.units : null;
  f.typedMax[i] = typedMax === null ? NaN : typedMax;
  if (k.firstChild[i] < 0 && k.deduction[i]) {
    scoreDeduction(table, i, hasAppraised, f);
    return;
  }
  if (k.firstChild[i] < 0) {
    let max = typedMax;
    if (max === null) {
      for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
        const p = table.tiers.points[j];
        if (p === p && (max === null || p > max)) max = p;
      }
    }
    const leafMax = max === null ? 0 : max;
    const profileTiers = options.profileTiers ? options.profileTiers[k.code[i]] || null : null;
    const tiers = tierInfoFor(table, i, leafMax, profileTiers);
    const self = leafFigures(table, i, 'self', tiers);
    let state = LEAF | columnState(self, SELF_EMPTY, SELF_CONFLICT);
    f.max[i] = leafMax;
    f.selfAssessableMax[i] = k.survey[i] ? 0 : leafMax;
    f.self[i] = self.units;
    f.tiers[i] = tiers;
    if (hasAppraised) {
      const appraised = leafFigures(table, i, 'appraised', tiers);
      f.appraised[i] = appraised.units;
      state |= columnState(appraised, APPRAISED_EMPTY, APPRAISED_CONFLICT);
    }
    f.state[i] = state;
    return;
  }
  let max = 0;
  let selfAssessableMax = 0;
  let self = 0;
  let appraised = 0;
  let state = SELF_EMPTY | (hasAppraised ? APPRAISED_EMPTY : 0);
  for (let c = k.firstChild[i]; c >= 0; c = k.nextSibling[c]) {
    scoreNode(table, c, hasAppraised, options, f);
    max += f.max[c];
    selfAssessableMax += f.selfAssessableMax[c];
    self += f.self[c];
    if (!(f.state[c] & SELF_EMPTY)) state &= ~SELF_EMPTY;
    if (hasAppraised) {
      appraised += f.appraised[c];
      if (!(f.state[c] & APPRAISED_EMPTY)) state &= ~APPRAISED_EMPTY;
    }
  }
  f.max[i] = max;
  f.selfAssessableMax[i] = selfAssessableMax;
  f.self[i] = self;
  if (hasAppraised) f.appraised[i] = appraised;
  f.state[i] = state;
}

/**
 * A deduction (điểm trừ) takes points off whichever way it is typed (-1, or 1 under a "trừ" name) and
 * adds nothing to the maximum, which is the most that can be earned.
 */
function scoreDeduction(table: ScoringTable, i: number, hasAppraised: boolean, f: NodeFigures): void {
  const self = leafFigures(table, i, 'self', null);
  let state = LEAF | columnState(self, SELF_EMPTY, SELF_CONFLICT);
  f.max[i] = 0;
  f.selfAssessableMax[i] = 0;
  f.self[i] = -Math.abs(self.units);
  f.tiers[i] = null;
  if (hasAppraised) {
    const appraised = leafFigures(table, i, 'appraised', null);
    f.appraised[i] = -Math.abs(appraised.units);
    state |= columnState(appraised, APPRAISED_EMPTY, APPRAISED_CONFLICT);
  }
  f.state[i] = state;
}

/** The SUM terms of leaf `i`'s column, pushed onto `refs`: its own cell, else the cells (or points) of its chosen levels. */
function pushLeafRefs(table: ScoringTable, i: number, column: ScoreColumn, refs: ScoreRef[]): ScoreRef[] {
  const k = table.criteria;
  const col = columnIndex(table, column);
  if (k.survey[i] || col === undefined) return refs;
  const leafReading = column === 'self' ? k.self[i] : k.appraised[i];
  if (leafReading.kind !== 'empty') {
    const ref = readingRef(k.row[i], col, leafReading);
    // A deduction typed as a positive number still takes its points off.
    if (k.deduction[i] && leafReading.kind === 'number' && leafReading.units > 0) {
      if ('literal' in ref) ref.literal = -ref.literal;
      else ref.negate = true;
    }
    refs.push(ref);
    return refs;
  }
  const t = table.tiers;
  const tierReadings = column === 'self' ? t.self : t.appraised;
  let chosen = 0;
  for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
    const reading = tierReadings[j];
    if (reading.kind === 'empty') continue;
    chosen++;
    if (reading.kind === 'number') refs.push(readingRef(t.row[j], col, reading));
    else if (reading.kind === 'mark' && t.points[j] === t.points[j]) {
      // An "x" counts its level's points: the tier's max cell where it holds them, else the number itself.
      if (t.max[j].kind === 'number' && table.columns.max !== undefined) refs.push({ row: t.row[j], col: table.columns.max });
      else refs.push({ literal: t.points[j] });
    }
  }
  if (chosen === 0) refs.push({ row: k.row[i], col: col });
  return refs;
}

/** The SUM terms child `c` adds to its parent's: its own cell if it is a parent (it will hold its SUM), else its score's. */
function pushChildRefs(table: ScoringTable, c: number, column: ScoreColumn, f: NodeFigures, refs: ScoreRef[]): void {
  const k = table.criteria;
  if (k.survey[c] && f.selfAssessableMax[c] === 0) return;
  const col = columnIndex(table, column);
  if (k.firstChild[c] < 0) pushLeafRefs(table, c, column, refs);
  else if (col !== undefined) refs.push({ row: k.row[c], col: col });
  else parentRefs(table, c, column, f, refs);
}

/** The SUM terms of parent `i`'s column. */
export function parentRefs(table: ScoringTable, i: number, column: ScoreColumn, f: NodeFigures, refs: ScoreRef[]): ScoreRef[] {
  for (let c = table.criteria.firstChild[i]; c >= 0; c = table.criteria.nextSibling[c]) pushChildRefs(table, c, column, f, refs);
  return refs;
}

/** The SUM terms of the table's total: its fields'. */
export function totalRefs(table: ScoringTable, column: ScoreColumn, f: NodeFigures): ScoreRef[] {
  const refs: ScoreRef[] = [];
  for (let r = 0; r < table.rootIndexes.length; r++) pushChildRefs(table, table.rootIndexes[r], column, f, refs);
  return refs;
}

function makeNodeScore(table: ScoringTable, node: CriterionNode, hasAppraised: boolean, f: NodeFigures): NodeScore {
  const i = node.index;
  const leaf = (f.state[i] & LEAF) !== 0;
  const tiers = leaf ? f.tiers[i] : null;
  const column = function (name: ScoreColumn, units: number, emptyBit: number, conflictBit: number): ColumnScore {
    return {
      units: units,
      refs: leaf ? pushLeafRefs(table, i, name, []) : parentRefs(table, i, name, f, []),
      entries: leaf ? leafEntries(node, name) : [],
      empty: (f.state[i] & emptyBit) !== 0,
      conflictingTiers: (f.state[i] & conflictBit) !== 0,
    };
  };
  const self = column('self', f.self[i], SELF_EMPTY, SELF_CONFLICT);
  const appraised = hasAppraised ? column('appraised', f.appraised[i], APPRAISED_EMPTY, APPRAISED_CONFLICT) : null;
  const typedMax = f.typedMax[i];
  return {
    node: node,
    leaf: leaf,
    max: f.max[i],
    selfAssessableMax: f.selfAssessableMax[i],
    typedMax: typedMax === typedMax ? typedMax : null, // NaN: no number typed
    self: self,
    appraised: appraised,
    tiers: tiers,
  };
}

/** Scores a table exactly (score step of the pipeline). */
export function scoreTable(table: ScoringTable, options?: ScoreOptions): TableScore {
  const opts = options || {};
  const hasAppraised = table.columns.appraised !== undefined;
  const n = table.criteria.row.length;
  const f: NodeFigures = {
    max: pointsColumn(n, 0),
    selfAssessableMax: pointsColumn(n, 0),
    typedMax: pointsColumn(n, NaN),
    self: pointsColumn(n, 0),
    appraised: pointsColumn(n, NaN),
    state: indexColumn(n, 0),
    tiers: filled<TierInfo | null>(n, null),
  };
  let max = 0;
  let selfAssessableMax = 0;
  let self = 0;
  let appraised: Points | null = hasAppraised ? 0 : null;
  for (let r = 0; r < table.rootIndexes.length; r++) {
    const k = table.rootIndexes[r];
    scoreNode(table, k, hasAppraised, opts, f);
    max += f.max[k];
    selfAssessableMax += f.selfAssessableMax[k];
    self += f.self[k];
    if (appraised !== null) appraised += f.appraised[k];
  }
  return new FlatTableScore(table, f, hasAppraised, max, selfAssessableMax, self, appraised);
}

/**
 * Methods and the `nodes` getter live on the prototype: a getter defined on each result object would
 * give each its own hidden class in old space, which kept every scored table alive until a full GC.
 */
class FlatTableScore implements TableScore {
  private kept: NodeScore[] | null = null;
  private all: NodeScore[] | null = null;

  constructor(
    public table: ScoringTable,
    public figures: NodeFigures,
    private hasAppraised: boolean,
    public max: Points,
    public selfAssessableMax: Points,
    public self: Points,
    public appraised: Points | null,
  ) {}

  get nodes(): NodeScore[] {
    if (!this.all) {
      const all: NodeScore[] = [];
      for (let i = 0; i < this.table.nodes.length; i++) all.push(this.byNode(this.table.nodes[i]));
      this.all = all;
    }
    return this.all;
  }

  byNode(node: CriterionNode): NodeScore {
    if (!this.kept) this.kept = filled<NodeScore | null>(this.table.nodes.length, null) as NodeScore[];
    return this.kept[node.index] || (this.kept[node.index] = makeNodeScore(this.table, node, this.hasAppraised, this.figures));
  }
}
