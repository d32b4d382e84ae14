import { Points } from '../number/points';
import { CriterionNode, RowCell, ScoringTable, TableRow, TierRow } from '../model/types';
import { tierInfoFor, TierInfo } from './tiers';

export type ScoreColumn = 'self' | 'appraised';

/**
 * A term of the SUM formula that reproduces a score in Excel: a cell, or a literal for points
 * written only in words. Excel's SUM skips text, so a score typed as text ("1,5") is read with
 * NUMBERVALUE and the decimal mark it was typed with.
 */
export type ScoreRef = { row: number; col: number; decimalMark?: ',' | '.' } | { literal: Points };

function cellRef(cell: RowCell): ScoreRef {
  const r = cell.reading;
  if (r.kind === 'number' && r.fromText) {
    // Plain "1,5" or "0.5" stays live through NUMBERVALUE; "1,25 điểm" can only be a literal.
    const plain = /^\s*[+-]?\d+(?:([.,])\d+)?\s*$/.exec(r.raw);
    if (!plain) return { literal: r.units };
    return { row: cell.row, col: cell.col, decimalMark: plain[1] === ',' ? ',' : '.' };
  }
  // The cell itself has row and col: one object less per scored cell on big sheets.
  return cell;
}

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

export interface TableScore {
  table: ScoringTable;
  /** Same order as table.nodes. */
  nodes: NodeScore[];
  byNode: (node: CriterionNode) => NodeScore;
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

function emptyScore(): ColumnScore {
  return { units: 0, refs: [], entries: [], empty: true, conflictingTiers: false };
}

const NO_REFS: ScoreRef[] = Object.freeze([]) as unknown as ScoreRef[];

/**
 * A leaf's score is final once made: its lists are built at their exact length (an array grown by
 * push reserves room for 17), which halves what a big table keeps alive while it is analysed.
 */
function leafScore(units: Points, refs: ScoreRef[], entries: ScoreEntry[], empty: boolean, conflictingTiers: boolean): ColumnScore {
  return { units: units, refs: refs, entries: entries, empty: empty, conflictingTiers: conflictingTiers };
}

function scoreLeafColumn(node: CriterionNode, column: ScoreColumn, tiers: TierInfo | null): ColumnScore {
  const leafCell = cellOf(node.cells, column);
  if (!leafCell) return leafScore(0, NO_REFS, NO_ENTRIES, true, false);
  let tierEntries: ScoreEntry[] = NO_ENTRIES;
  for (let i = 0; i < node.tierRows.length; i++) {
    const tier = node.tierRows[i];
    const cell = cellOf(tier.cells, column);
    if (!cell || cell.reading.kind === 'empty') continue;
    let units: Points | null = null;
    if (cell.reading.kind === 'number') units = cell.reading.units;
    else if (cell.reading.kind === 'mark') units = tier.points;
    const entry: ScoreEntry = { cell: cell, tier: tier, units: units };
    tierEntries = tierEntries === NO_ENTRIES ? [entry] : tierEntries.concat([entry]);
  }
  const leafReading = leafCell.reading;
  if (leafReading.kind !== 'empty') {
    // A score typed on the criterion row wins; tier rows beside it may only confirm it.
    const units = leafReading.kind === 'number' ? leafReading.units : 0;
    const leafEntry: ScoreEntry = { cell: leafCell, tier: null, units: leafReading.kind === 'number' ? leafReading.units : null };
    const conflicting = tierEntries.length > 1 || (tierEntries.length === 1 && tierEntries[0].units !== units);
    return leafScore(units, [cellRef(leafCell)], tierEntries.length ? [leafEntry].concat(tierEntries) : [leafEntry], false, conflicting);
  }
  if (tierEntries.length === 0) return leafScore(0, [leafCell], NO_ENTRIES, true, false);
  let total = 0;
  const refs: ScoreRef[] = [];
  for (let i = 0; i < tierEntries.length; i++) {
    const entry = tierEntries[i];
    if (entry.units === null) continue;
    total += entry.units;
    if (entry.cell.reading.kind === 'mark') {
      const maxCell = entry.tier ? entry.tier.cells.max : null;
      if (maxCell && maxCell.reading.kind === 'number') refs.push({ row: maxCell.row, col: maxCell.col });
      else refs.push({ literal: entry.units });
    } else {
      refs.push(cellRef(entry.cell));
    }
  }
  return leafScore(total, refs, tierEntries, false, tierEntries.length > 1 && !(tiers && tiers.additive));
}

function typedNumber(cell: RowCell | null): Points | null {
  return cell && cell.reading.kind === 'number' ? cell.reading.units : null;
}

function scoreNode(node: CriterionNode, hasAppraised: boolean, options: ScoreOptions, index: NodeScore[]): NodeScore {
  const typedMax = typedNumber(node.cells.max);
  let result: NodeScore;
  if (node.children.length === 0) {
    let max = typedMax;
    if (max === null) {
      for (let i = 0; i < node.tierRows.length; i++) {
        const p = node.tierRows[i].points;
        if (p !== null && (max === null || p > max)) max = p;
      }
    }
    const leafMax = max === null ? 0 : max;
    const profileTiers = options.profileTiers ? options.profileTiers[node.code] || null : null;
    const tiers = tierInfoFor(node, leafMax, profileTiers);
    const self = node.survey ? leafScore(0, NO_REFS, NO_ENTRIES, true, false) : scoreLeafColumn(node, 'self', tiers);
    result = {
      node: node,
      leaf: true,
      max: leafMax,
      selfAssessableMax: node.survey ? 0 : leafMax,
      typedMax: typedMax,
      self: self,
      appraised: hasAppraised ? (node.survey ? leafScore(0, NO_REFS, NO_ENTRIES, true, false) : scoreLeafColumn(node, 'appraised', tiers)) : null,
      tiers: tiers,
    };
  } else {
    const self = emptyScore();
    const appraised = hasAppraised ? emptyScore() : null;
    let max = 0;
    let selfAssessableMax = 0;
    for (let i = 0; i < node.children.length; i++) {
      const child = scoreNode(node.children[i], hasAppraised, options, index);
      max += child.max;
      selfAssessableMax += child.selfAssessableMax;
      addChild(self, child.self, child, 'self');
      if (appraised && child.appraised) addChild(appraised, child.appraised, child, 'appraised');
    }
    result = {
      node: node,
      leaf: false,
      max: max,
      selfAssessableMax: selfAssessableMax,
      typedMax: typedMax,
      self: self,
      appraised: appraised,
      tiers: null,
    };
  }
  index[node.index] = result;
  return result;
}

function addChild(total: ColumnScore, child: ColumnScore, childScore: NodeScore, column: ScoreColumn): void {
  total.units += child.units;
  if (!child.empty) total.empty = false;
  if (childScore.node.survey && childScore.selfAssessableMax === 0) return;
  const cell = cellOf(childScore.node.cells, column);
  // A parent's own cell will hold its SUM, so the grandparent refers to that cell only.
  if (!childScore.leaf && cell) total.refs.push({ row: cell.row, col: cell.col });
  else for (let i = 0; i < child.refs.length; i++) total.refs.push(child.refs[i]);
}

/** Scores a table exactly (score step of the pipeline). */
export function scoreTable(table: ScoringTable, options?: ScoreOptions): TableScore {
  const opts = options || {};
  const hasAppraised = table.columns.appraised !== undefined;
  // Filled in post-order by node.index: made dense first, or writing far indices into an empty
  // array turns it into a slow dictionary on big tables.
  const nodes: NodeScore[] = [];
  for (let i = 0; i < table.nodes.length; i++) nodes.push(null as unknown as NodeScore);
  const rootScores: NodeScore[] = [];
  for (let i = 0; i < table.roots.length; i++) rootScores.push(scoreNode(table.roots[i], hasAppraised, opts, nodes));
  let max = 0;
  let selfAssessableMax = 0;
  let self = 0;
  let appraised: Points | null = hasAppraised ? 0 : null;
  for (let i = 0; i < rootScores.length; i++) {
    max += rootScores[i].max;
    selfAssessableMax += rootScores[i].selfAssessableMax;
    self += rootScores[i].self.units;
    if (appraised !== null && rootScores[i].appraised) appraised += rootScores[i].appraised!.units;
  }
  return {
    table: table,
    nodes: nodes,
    byNode: function (n: CriterionNode): NodeScore {
      return nodes[n.index];
    },
    max: max,
    selfAssessableMax: selfAssessableMax,
    self: self,
    appraised: appraised,
  };
}
