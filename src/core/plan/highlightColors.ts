import { HighlightKind } from './types';

/** The colour of each highlight group (RRGGBB): one table for the plan, the legend and every writer. */

/** Scored without evidence: light yellow. */
export const MISSING_EVIDENCE_COLOR = 'FFEB9C';
/** A score that cannot stand: light red. */
export const SCORE_PROBLEM_COLOR = 'FFC7CE';
/** Evidence to check (out of the assessment year, no document number or date): light orange. */
export const EVIDENCE_DOUBT_COLOR = 'FCE4D6';
/** Everything else a flag points at (a wrong hand total, a score typed as text…): light blue. */
export const REVIEW_COLOR = 'DDEBF7';

/** Each highlight group's colour (RRGGBB), in the legend's order: the most serious first. */
export const HIGHLIGHT_COLORS: { [kind in HighlightKind]: string } = {
  'score-problem': SCORE_PROBLEM_COLOR,
  'missing-evidence': MISSING_EVIDENCE_COLOR,
  'evidence-doubt': EVIDENCE_DOUBT_COLOR,
  review: REVIEW_COLOR,
};

export const HIGHLIGHT_ORDER: HighlightKind[] = ['score-problem', 'missing-evidence', 'evidence-doubt', 'review'];
