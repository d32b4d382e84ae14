import { WorkbookAnalysis } from '../core/result';

/**
 * The assessment year of the evidence-out-of-period check: the user's, else the one the title rows
 * state ("năm 2023"). ES5-safe.
 */

/** Where the year in use comes from. */
export type AssessmentYearSource = 'titles' | 'user' | 'unknown';

export interface AssessmentYearState {
  /** The year in use: the user's, else the title rows'; null when neither. */
  year: number | null;
  source: AssessmentYearSource;
  /** The year the title rows state, for "back to the title's year"; null when they state none. */
  titleYear: number | null;
}

/** A year the user may set: four digits, 2000–2100 (the core's title reader knows "năm 20xx" only). */
export function isValidAssessmentYear(year: unknown): year is number {
  return typeof year === 'number' && Math.floor(year) === year && year >= 2000 && year <= 2100;
}

/** A typed year: a valid year, '' (nothing typed) or 'invalid'. */
export function parseAssessmentYear(text: string): number | '' | 'invalid' {
  const t = text.trim();
  if (t === '') return '';
  if (!/^\d{4}$/.test(t)) return 'invalid';
  const year = parseInt(t, 10);
  return isValidAssessmentYear(year) ? year : 'invalid';
}

/** The workbook's year as its scoring tables' title rows state it (the first table that does). */
export function titleYearOf(analysis: WorkbookAnalysis): number | null {
  return analysis.titleFacts.year;
}

export function assessmentYearState(userYear: number | null, titleYear: number | null): AssessmentYearState {
  if (userYear !== null) return { year: userYear, source: 'user', titleYear: titleYear };
  return { year: titleYear, source: titleYear !== null ? 'titles' : 'unknown', titleYear: titleYear };
}
