import type { CommuneGroup, GroupThresholds } from '../../core/consolidate';
import { Points } from '../../core/number';

/**
 * The groups the pane colours its bars by: the consolidation's (src/core/consolidate: DEFAULT_GROUPS,
 * groupOf), A from 90%, B from 80%, C from 70%, below that no group, decided on the exact ratio. They
 * are restated here, not imported, because importing them would bring the whole consolidation module
 * (its sheets and sentences, ~5 KB gzipped) into the pane's first load, which has no room for it;
 * test/taskpane/paneModel.test.ts checks that both agree, thresholds and decisions.
 */
export const PANE_GROUPS: GroupThresholds = { a: 90, b: 80, c: 70 };

function reaches(points: Points, max: Points, percent: number): boolean {
  return points * 10000 >= Math.round(percent * 100) * max;
}

/** As the consolidation's groupOf: null when there is no maximum (nothing to group). */
export function paneGroupOf(points: Points, max: Points, groups: GroupThresholds = PANE_GROUPS): CommuneGroup | null {
  if (max <= 0) return null;
  if (reaches(points, max, groups.a)) return 'A';
  if (reaches(points, max, groups.b)) return 'B';
  if (reaches(points, max, groups.c)) return 'C';
  return 'D';
}
