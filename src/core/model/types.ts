import { CellReading } from '../number/readCell';
import { ColumnMap, TableHeader } from '../recognise/header';

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
}

export interface TotalRow {
  cells: TableRow;
}

/** A recognised scoring table: the tree of one worksheet. */
export interface ScoringTable {
  sheet: string;
  header: TableHeader;
  columns: ColumnMap;
  /** Title rows above the header, as text (used to identify the appendix and the commune). */
  titleLines: string[];
  roots: CriterionNode[];
  /** Every coded node in sheet order. */
  nodes: CriterionNode[];
  total: TotalRow | null;
  duplicateCodes: Array<{ code: string; rows: number[] }>;
}
