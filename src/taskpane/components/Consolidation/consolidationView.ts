import { Consolidation, DEFAULT_GROUPS, groupLabel } from '../../../core/consolidate';
import { consolidationText, failureText, paneText } from '../../../core/messages';
import { formatPercentHundredths, formatPoints, Lang } from '../../../core/number';
import { ConsolidationView } from './Consolidation.types';
import { thresholdInputs } from './thresholds';
import { shorten } from '../../model/paneModel';

/**
 * A consolidation as the pane shows it, free of React: ranks, Vietnamese figures, failures in words, the
 * column words of the consolidation workbook. Loaded with the consolidation code (consolidationEngine).
 */

function percent(hundredths: number | null, lang: Lang): string {
  return hundredths === null ? '' : formatPercentHundredths(hundredths, lang) + '%';
}

/** What fits on a chart line beside the figure, cut at a word. */
const CHART_LABEL_CHARS = 34;

export function consolidationView(c: Consolidation, lang: Lang): ConsolidationView {
  const groups = c.groups || DEFAULT_GROUPS;
  const basis = paneText(c.rankedBy === 'appraised' ? 'consolidateBasisAppraised' : 'consolidateBasisSelf', lang);
  const bars = c.rows.map((r, i) => {
    const h = c.rankedBy === 'appraised' ? r.appraisedPercentHundredths : r.selfPercentHundredths;
    const pct = percent(h, lang);
    const group = groupLabel(r.group, groups, lang);
    return {
      bar: {
        key: r.fileName + '|' + i,
        label: shorten(r.rank + '. ' + r.commune, CHART_LABEL_CHARS),
        ratio: h === null ? null : Math.max(0, Math.min(1, h / 10000)),
        group: r.group,
        value: pct ? pct + ' · ' + group : group,
      },
      words: paneText('chartItem', lang, { name: r.rank + '. ' + r.commune, pct: pct, group: r.group === 'D' ? group : paneText('groupName', lang, { group: r.group }) }),
    };
  });
  return {
    chart: {
      label: paneText('rankingChart', lang) + ': ' + bars.map((b) => b.words).join('; ') + '.',
      bars: bars.map((b) => b.bar),
      thresholds: thresholdInputs(groups, lang),
    },
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
