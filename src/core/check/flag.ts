/** Problems the tool finds, as plain data; their words come from the message catalogue. */

export type FlagKind =
  | 'missing-evidence'
  | 'off-tier'
  | 'over-max'
  | 'negative'
  | 'not-a-number'
  | 'cell-error'
  | 'multiple-tiers'
  | 'unscored'
  | 'missing-max'
  | 'max-mismatch'
  | 'hand-total-mismatch'
  | 'duplicate-code'
  | 'text-number'
  | 'profile-mismatch'
  | 'evidence-out-of-period'
  | 'evidence-unparsed'
  | 'not-a-scoring-table'
  | 'ambiguous-column'
  | 'ambiguous-structure'
  | 'summary-sheet'
  | 'sum-range-mismatch';

export type Severity = 'error' | 'warning' | 'info';

export const FLAG_SEVERITY: { [kind in FlagKind]: Severity } = {
  'missing-evidence': 'error',
  'off-tier': 'error',
  'over-max': 'error',
  negative: 'error',
  'not-a-number': 'error',
  'cell-error': 'error',
  'multiple-tiers': 'error',
  unscored: 'warning',
  'missing-max': 'warning',
  'max-mismatch': 'warning',
  'hand-total-mismatch': 'warning',
  'duplicate-code': 'warning',
  'profile-mismatch': 'warning',
  'evidence-out-of-period': 'warning',
  'text-number': 'info',
  'not-a-scoring-table': 'info',
  'evidence-unparsed': 'info',
  'ambiguous-column': 'warning',
  'ambiguous-structure': 'warning',
  'summary-sheet': 'info',
  'sum-range-mismatch': 'warning',
};

/** Values a message needs; numbers are exact units (see points.ts) where the name says points. */
export interface FlagParams {
  [name: string]: string | number | number[] | undefined;
}

export interface Flag {
  kind: FlagKind;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell to look at; empty for a whole sheet. */
  cell: string;
  row: number;
  col: number;
  /** Normalised criterion code, empty when none. */
  code: string;
  /** Which score a score flag concerns. */
  score?: 'self' | 'appraised';
  params: FlagParams;
}
