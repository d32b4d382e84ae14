import { Points } from '../number/points';

/**
 * The groups communes are ranked in (A ≥ 90%, B ≥ 80%, C ≥ 70%, D below), on their own so the pane can
 * colour its bars by them without bringing in the rest of the consolidation. ES5.
 */

/** Group thresholds in percent: A ≥ a, B ≥ b, C ≥ c, D below c. */
export interface GroupThresholds {
  a: number;
  b: number;
  c: number;
}

export const DEFAULT_GROUPS: GroupThresholds = { a: 90, b: 80, c: 70 };

export type CommuneGroup = 'A' | 'B' | 'C' | 'D';

/**
 * Whether points/max reach a threshold in percent, on the exact ratio (89,995% is not 90%),
 * as the domain decides percentage tiers. Thresholds are taken to hundredths of a percent.
 */
function reaches(points: Points, max: Points, percent: number): boolean {
  const hundredths = Math.round(percent * 100);
  return points * 10000 >= hundredths * max;
}

/** The group of points out of max; D with no points or no maximum. */
export function groupOf(points: Points | null, max: Points, groups: GroupThresholds): CommuneGroup {
  if (points === null || max <= 0) return 'D';
  if (reaches(points, max, groups.a)) return 'A';
  if (reaches(points, max, groups.b)) return 'B';
  if (reaches(points, max, groups.c)) return 'C';
  return 'D';
}
