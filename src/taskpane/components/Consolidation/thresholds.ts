import { formatPoints, Lang, UNITS_PER_POINT } from '../../../core/number';
import type { GroupThresholds } from '../../../core/consolidate';
import { GroupInputs } from './Consolidation.types';

/** The group thresholds as the official types them. */

/** 90 -> "90", 82.5 -> "82,5": as the sheet's group line writes them. */
function formatThreshold(percent: number, lang: Lang): string {
  return formatPoints(Math.round(percent * UNITS_PER_POINT), lang);
}

export function thresholdInputs(groups: GroupThresholds, lang: Lang): GroupInputs {
  return { a: formatThreshold(groups.a, lang), b: formatThreshold(groups.b, lang), c: formatThreshold(groups.c, lang) };
}

/** Typed thresholds as numbers ("82,5" or "82.5"), or null unless 100 ≥ A > B > C ≥ 0. */
export function parseThresholds(inputs: GroupInputs): GroupThresholds | null {
  const num = (t: string): number | null => {
    const s = t.trim().replace(',', '.');
    return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
  };
  const a = num(inputs.a);
  const b = num(inputs.b);
  const c = num(inputs.c);
  if (a === null || b === null || c === null) return null;
  if (!(a <= 100 && a > b && b > c && c >= 0)) return null;
  return { a, b, c };
}
