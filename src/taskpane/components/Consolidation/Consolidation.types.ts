import type { CommuneGroup, GroupThresholds } from '../../../core/consolidate';
import type { WorkbookHost } from '../../../core/host';
import type { Lang } from '../../../core/number';
import type { ConsolidationSessionState } from '../../../app/consolidationSession';
import type { PaneMessage } from '../../model/paneController';
import type { Badge, Button, Label, Text } from '@fluentui/react-components';
import type { BarChart, ChartBar } from '../Charts/BarChart';

/** The "Tổng hợp nhiều xã" section: plain data the render lays out, every figure already formatted. */

export interface ConsolidationProps {
  /** Excel (new sheets through host.addSheets) or the browser (download); the section reads files itself. */
  host: WorkbookHost;
  lang: Lang;
}

export interface RankingRowView {
  key: string;
  /** "1", "2", "2", "4": equal totals share a rank. */
  rank: string;
  commune: string;
  fileName: string;
  /** "68,13" */
  self: string;
  /** "68,13/74", for the cell's title. */
  selfOfMax: string;
  /** "92,07%", "" without a maximum. */
  selfPercent: string;
  /** "–" when the commune has no appraised score. */
  appraised: string;
  appraisedPercent: string;
  group: CommuneGroup;
  /** "A", "B", "C", or "Dưới 70%". */
  groupLabel: string;
}

export interface FailedFileView {
  key: string;
  fileName: string;
  reason: string;
}

export interface ConsolidationView {
  /** "Xếp hạng 4 xã theo điểm tự đánh giá" */
  caption: string;
  /** Column words, as in the consolidation workbook. */
  headers: { rank: string; self: string; selfPercent: string; appraised: string; appraisedPercent: string; group: string };
  rows: RankingRowView[];
  failed: FailedFileView[];
  /** The thresholds the groups were given with. */
  groups: GroupThresholds;
  /** The ranking as a bar chart: one bar per commune on the ranking's basis, in its group's colour. */
  chart: {
    /** Every commune's rank, percentage and group in words (the chart's text alternative). */
    label: string;
    bars: ChartBar[];
    /** The thresholds as the official types them ("82,5"). */
    thresholds: GroupInputs;
  };
}

/** The section's state: the use case's (src/app/consolidationSession.ts) with the pane's view and message. */
export type ConsolidationState = ConsolidationSessionState<ConsolidationView, PaneMessage>;

/** The threshold inputs as typed ("90", "82,5"), before they are valid numbers. */
export interface GroupInputs {
  a: string;
  b: string;
  c: string;
}

/** The Fluent parts, icons, chart and input class the result shows, handed over by the section (see ConsolidationResult). */
export interface ConsolidationKit {
  Badge: typeof Badge;
  Button: typeof Button;
  Label: typeof Label;
  Text: typeof Text;
  BarChart: typeof BarChart;
  downloadIcon: JSX.Element;
  writeIcon: JSX.Element;
  /** The thresholds' plain inputs in Fluent's look. */
  thresholdClass: string;
}

/** The part shown once there is a result. */
export interface ConsolidationResultProps {
  kit: ConsolidationKit;
  view: ConsolidationView;
  lang: Lang;
  busy: boolean;
  canDownload: boolean;
  canWrite: boolean;
  onRegroup: (groups: GroupThresholds) => void;
  onDownload: () => void;
  onWrite: () => void;
}
