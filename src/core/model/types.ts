import { CellReading } from '../number/readCell';
import { ColumnMap, TableHeader } from '../recognise/header';
import { RowReading } from '../recognise/reading';
import { NumberColumn } from './columns';

/** One cell of a table row, read once: where it is, what it holds, its Unicode text. */
export interface RowCell {
  row: number;
  col: number;
  reading: CellReading;
  /** Unicode text of text cells (evidence); '' for score and max cells, which are read as `reading`. */
  text: string;
  formula?: string;
  hyperlink?: string;
}

/** The cells of one body row, by role; absent roles are null. */
export interface TableRow {
  row: number;
  codeText: string;
  name: string;
  max: RowCell | null;
  self: RowCell | null;
  appraised: RowCell | null;
  evidence: RowCell | null;
  guidance: string;
  note: string;
  percent: RowCell | null;
  /** The appraised score's percentage cell ("Tỷ lệ thẩm định"), when the sheet has one. */
  appraisedPercent: RowCell | null;
}

/**
 * A row under a leaf criterion with no code of its own ("-", "+", "a)" or blank code):
 * one allowed level (mức điểm) when it carries points, otherwise a note.
 */
export interface TierRow {
  cells: TableRow;
  /** Points of this level, from the max column or from the row's own words ("…: 0,5 điểm"). */
  points: number | null;
  label: string;
}

export interface CriterionNode {
  /** Position in ScoringTable.nodes (sheet order), for per-node arrays. */
  index: number;
  /** Normalised code: roman fields become arabic, trailing dots go ("I." -> "1"). */
  code: string;
  rawCode: string;
  depth: number;
  cells: TableRow;
  parent: CriterionNode | null;
  children: CriterionNode[];
  tierRows: TierRow[];
  /** Assessed by the sociological survey (ĐTXHH): no self-score, not in the self-assessed maximum. */
  survey: boolean;
  deduction: boolean;
  part: boolean;
}

export interface TotalRow {
  cells: TableRow;
}

/**
 * The criteria of a table as parallel arrays by node index (sheet order): what the pipeline reads.
 * Kept as one object per row and per cell, a 100,000-leaf table outlived the young generation, so
 * the garbage collector copied and rescanned it and a big table cost about twice as much per leaf
 * as a small one. Arrays of numbers and of shared readings keep that cost flat.
 */
export interface NodeColumns {
  /** Sheet row (0-based). */
  row: NumberColumn;
  /** The unique path code ("2.1.a"): the sheet's codes where they are already unique and hierarchical. */
  code: string[];
  /** The sheet's own label ("II", "1", "a)"). */
  rawCode: string[];
  depth: NumberColumn;
  /** Parent's index, -1 for a field (root). */
  parent: NumberColumn;
  /** First child's index and next sibling's, -1 for none: children in sheet order without a list per node. */
  firstChild: NumberColumn;
  nextSibling: NumberColumn;
  survey: boolean[];
  /** A deduction (điểm trừ): subtracts its score, adds nothing to the maximum. */
  deduction: boolean[];
  /** A lettered part ("a)", "b)") with its own score and evidence, under the criterion it divides. */
  part: boolean[];
  name: string[];
  guidance: string[];
  note: string[];
  /** Readings of the max, self-score and appraised-score cells; an empty reading where the sheet has no such column. */
  max: CellReading[];
  self: CellReading[];
  appraised: CellReading[];
  /** The node's tier rows are TierColumns entries tierStart[i] up to (not including) tierEnd[i]. */
  tierStart: NumberColumn;
  tierEnd: NumberColumn;
}

/** Tier rows (uncoded rows under a criterion) as parallel arrays, in sheet order. */
export interface TierColumns {
  row: NumberColumn;
  /** Points of the level; NaN where the row carries none (a note). */
  points: NumberColumn;
  max: CellReading[];
  self: CellReading[];
  appraised: CellReading[];
  guidance: string[];
}

/** A recognised scoring table: the tree of one worksheet. */
export interface ScoringTable {
  sheet: string;
  header: TableHeader;
  columns: ColumnMap;
  /** Title rows above the header, as text (used to identify the appendix and the commune). */
  titleLines: string[];
  /** The fields (lĩnh vực), as objects; made from the sheet on first use (see NodeColumns). */
  readonly roots: CriterionNode[];
  /** Every coded node in sheet order, as objects; made on first use. */
  readonly nodes: CriterionNode[];
  criteria: NodeColumns;
  tiers: TierColumns;
  /** Indexes of the fields (roots), in sheet order. */
  rootIndexes: number[];
  total: TotalRow | null;
  /** The row the table ends before (its total row is included), and the row a following table may start from. */
  endRow: number;
  nextStart: number;
  /** Rows read as something other than a criterion or a tier (groups, totals, notes), for --explain. */
  specialRows: RowReading[];
  /** Places where the rows could be read two ways: the reading taken, for an ambiguous-structure flag. */
  structureDoubts: Array<{ row: number; code: string; rows: string; reading: string }>;
  duplicateCodes: Array<{ code: string; rows: number[] }>;
  /** Row by row, what the build made of each body row (criterion, part, tier, group…), for --explain and the pane. */
  rowReadings: () => RowReading[];
  /** A cell of the table's sheet read as the model reads it (score cells as numbers, others as text); null without the column. */
  rowCell: (row: number, col: number | undefined, asScore: boolean) => RowCell | null;
}
