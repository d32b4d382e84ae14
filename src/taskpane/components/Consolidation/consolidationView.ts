import { Consolidation, DEFAULT_GROUPS, groupLabel } from '../../../core/consolidate';
import { consolidationText, failureText, paneText } from '../../../core/messages';
import { formatPercentHundredths, formatPoints, Lang } from '../../../core/number';
import { ConsolidationView } from './Consolidation.types';

/**
 * A consolidation as the pane shows it, free of React: ranks, Vietnamese figures, failures in words, the
 * column words of the consolidation workbook. Loaded with the consolidation code (consolidationEngine).
 */

function percent(hundredths: number | null, lang: Lang): string {
  return hundredths === null ? '' : formatPercentHundredths(hundredths, lang) + '%';
}

export function consolidationView(c: Consolidation, lang: Lang): ConsolidationView {
  const groups = c.groups || DEFAULT_GROUPS;
  const basis = paneText(c.rankedBy === 'appraised' ? 'consolidateBasisAppraised' : 'consolidateBasisSelf', lang);
  return {
    caption: paneText('consolidateRanking', lang, { count: c.rows.length, basis }),
    headers: {
      rank: consolidationText('rank', lang),
      self: consolidationText('self', lang),
      selfPercent: consolidationText('selfPercent', lang),
      appraised: consolidationText('appraised', lang),
      appraisedPercent: consolidationText('appraisedPercent', lang),
      group: consolidationText('group', lang),
    },
    rows: c.rows.map((r, i) => ({
      key: r.fileName + '|' + i,
      rank: String(r.rank),
      commune: r.commune,
      fileName: r.fileName,
      self: formatPoints(r.self, lang),
      selfOfMax: formatPoints(r.self, lang) + '/' + formatPoints(r.max, lang),
      selfPercent: percent(r.selfPercentHundredths, lang),
      appraised: r.appraised === null ? '–' : formatPoints(r.appraised, lang),
      appraisedPercent: r.appraised === null ? '' : percent(r.appraisedPercentHundredths, lang),
      group: r.group,
      groupLabel: groupLabel(r.group, groups, lang),
    })),
    failed: c.failed.map((f, i) => ({ key: f.fileName + '|' + i, fileName: f.fileName, reason: failureText(f.failure, lang, f.detail) })),
    groups,
  };
}
