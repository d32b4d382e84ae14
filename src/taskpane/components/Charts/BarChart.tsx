import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import type { CommuneGroup, GroupThresholds } from '../../../core/consolidate';

/**
 * Small bar charts drawn as inline SVG (no chart library: the pane's first load has no room for one).
 * Bars are coloured by the group their percentage reaches (the consolidation's thresholds: A green,
 * B blue, C orange, below red, as the ranking's badges), with the thresholds as thin vertical lines;
 * colour is never the only cue: the figures and the group's name are in the text beside them.
 */

export const GROUP_FILL: { [g in CommuneGroup]: string } = {
  A: tokens.colorPaletteGreenBackground3,
  B: tokens.colorBrandBackground,
  C: tokens.colorPaletteDarkOrangeBackground3,
  D: tokens.colorPaletteRedBackground3,
};

export interface ChartBar {
  key: string;
  /** Drawn beside (compact) or above (stacked) the bar: "1", "1. xã An Bình". */
  label: string;
  /** 0..1 (capped), null: no bar. */
  ratio: number | null;
  group: CommuneGroup | null;
  /** Drawn at the right: "95,67%". */
  value: string;
}

export interface BarChartProps {
  bars: ChartBar[];
  /** The chart in words (role img): every bar's name, figure and group. */
  label: string;
  thresholds: GroupThresholds;
  /** compact: label, bar, value on one line (fields); stacked: label and value above the bar (communes). */
  layout: 'compact' | 'stacked';
  testId?: string;
}

const WIDTH = 300;

function Thresholds({ x, width, y, height, t }: { x: number; width: number; y: number; height: number; t: GroupThresholds }): JSX.Element {
  return (
    <>
      {[t.c, t.b, t.a].map((p) => (
        <line
          key={p}
          x1={x + (width * p) / 100}
          x2={x + (width * p) / 100}
          y1={y - 2}
          y2={y + height + 2}
          style={{ stroke: tokens.colorNeutralForeground3, strokeWidth: 1, strokeDasharray: '2 2', vectorEffect: 'non-scaling-stroke' }}
        />
      ))}
    </>
  );
}

export function BarChart({ bars, label, thresholds, layout, testId }: BarChartProps): JSX.Element {
  const compact = layout === 'compact';
  const rowHeight = compact ? 20 : 30;
  const barHeight = compact ? 10 : 9;
  const labelWidth = compact ? 26 : 0;
  const valueWidth = compact ? 52 : 0;
  const barX = labelWidth;
  const barWidth = WIDTH - labelWidth - valueWidth;
  const height = bars.length * rowHeight + 2;
  const text = { fontSize: '11px', fill: tokens.colorNeutralForeground1 };
  return (
    <svg role="img" aria-label={label} data-testid={testId} viewBox={'0 0 ' + WIDTH + ' ' + height} width="100%" style={{ maxWidth: '480px', display: 'block' }} focusable="false">
      {bars.map((b, i) => {
        const top = i * rowHeight;
        const barY = compact ? top + (rowHeight - barHeight) / 2 : top + 17;
        const textY = compact ? top + rowHeight / 2 + 4 : top + 12;
        const fill = b.group ? GROUP_FILL[b.group] : tokens.colorNeutralStroke1;
        return (
          <g key={b.key}>
            <text x={0} y={textY} style={text}>
              {b.label}
            </text>
            <text x={WIDTH} y={textY} textAnchor="end" style={{ ...text, fontVariantNumeric: 'tabular-nums' }}>
              {b.value}
            </text>
            <rect x={barX} y={barY} width={barWidth} height={barHeight} rx={2} style={{ fill: tokens.colorNeutralBackground4 }} />
            {b.ratio !== null ? <rect x={barX} y={barY} width={Math.max(1, barWidth * b.ratio)} height={barHeight} rx={2} style={{ fill }} /> : null}
            <Thresholds x={barX} width={barWidth} y={barY} height={barHeight} t={thresholds} />
          </g>
        );
      })}
    </svg>
  );
}

/** One bar for a total, beside its figures (which say the same in text): decorative for screen readers. */
export function GroupBar({ ratio, group, thresholds }: { ratio: number | null; group: CommuneGroup | null; thresholds: GroupThresholds }): JSX.Element {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 300 10" preserveAspectRatio="none" width="100%" height="8" style={{ display: 'block' }}>
      <rect x={0} y={1} width={300} height={8} rx={2} style={{ fill: tokens.colorNeutralBackground4 }} />
      {ratio !== null ? <rect x={0} y={1} width={Math.max(1, 300 * ratio)} height={8} rx={2} style={{ fill: group ? GROUP_FILL[group] : tokens.colorNeutralStroke1 }} /> : null}
      <Thresholds x={0} width={300} y={1} height={8} t={thresholds} />
    </svg>
  );
}
