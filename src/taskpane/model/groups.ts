import { DEFAULT_GROUPS, groupOf } from '../../core/consolidate';
import type { CommuneGroup, GroupThresholds } from '../../core/consolidate';
import { Points } from '../../core/number';

/**
 * The groups the pane colours its bars by: the consolidation's own (src/core/consolidate/groups.ts,
 * which the pane's first load takes without the rest of the consolidation).
 */
export const PANE_GROUPS: GroupThresholds = DEFAULT_GROUPS;

/** As the consolidation's groupOf, but null when there is no maximum (nothing to group). */
export function paneGroupOf(points: Points, max: Points, groups: GroupThresholds = PANE_GROUPS): CommuneGroup | null {
  return max <= 0 ? null : groupOf(points, max, groups);
}
