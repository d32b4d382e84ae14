import { SheetChart, SummaryCell } from './types';

/**
 * A chart block of a tool sheet: a heading, a small table of the bars' figures and the room a bar chart
 * takes beside it. The figures are cells of the sheet (so the chart reads the sheet, and a reader without
 * charts still has the numbers); the chart itself is drawn by each writer from the SheetChart returned.
 * Plain ES5: the core, the Excel gateway and the file writers share it.
 */

/** The name every tool chart carries among a sheet's charts: a later run deletes its own by it, no other. */
export const CHART_NAME = 'CCHC_BieuDo';

/** Rows the chart takes at least (about 240 pt at Excel's default row height): a few bars stay readable. */
export const MIN_CHART_ROWS = 16;

/** Longest category text: longer names are cut at a word with "…" (the table above has them whole). */
export const MAX_LABEL_CHARACTERS = 48;

export interface ChartBar {
  label: string;
  /** One fraction per series (1 is 100 %); null: no figure (a blank cell, no bar). */
  values: Array<number | null>;
}

export interface ChartBlockInput {
  title: string;
  heading: string;
  categoryHeader: string;
  /** The series' names, in the header row over their columns. */
  series: string[];
  bars: ChartBar[];
  /** Column of the categories; the series' columns follow, then the chart. */
  col: number;
  /** Columns the chart spans. */
  chartCols: number;
  numberFormat: string;
}

function text(value: string, bold?: boolean): SummaryCell {
  return bold ? { kind: 'text', text: value, bold: true } : { kind: 'text', text: value };
}

/** Blank cells before `col`: text, not bold, so no reader takes the row for a table's header. */
function lead(col: number): SummaryCell[] {
  const cells: SummaryCell[] = [];
  for (let c = 0; c < col; c++) cells.push(text(''));
  return cells;
}

/** A category name cut at a word boundary to MAX_LABEL_CHARACTERS, with "…". */
export function shortLabel(label: string): string {
  const clean = label.replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '');
  if (clean.length <= MAX_LABEL_CHARACTERS) return clean;
  const cut = clean.slice(0, MAX_LABEL_CHARACTERS - 1);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_LABEL_CHARACTERS / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '') + '…';
}

/**
 * Appends the block to `rows` (an empty row, the heading, the header row, a row per bar, empty rows up to
 * the chart's height) and says where its data and chart are; null, and nothing appended, without bars.
 */
export function appendChartBlock(rows: SummaryCell[][], input: ChartBlockInput): SheetChart | null {
  if (!input.bars.length) return null;
  rows.push([]);
  rows.push([text(input.heading, true)]);
  const top = rows.length;
  const header = lead(input.col);
  header.push(text(input.categoryHeader, true));
  for (let s = 0; s < input.series.length; s++) header.push(text(input.series[s], true));
  rows.push(header);
  for (let b = 0; b < input.bars.length; b++) {
    const bar = input.bars[b];
    const line = lead(input.col);
    line.push(text(bar.label));
    for (let s = 0; s < input.series.length; s++) {
      const v = bar.values[s];
      line.push(v === null || v === undefined || !isFinite(v) ? text('') : { kind: 'number', value: v, numberFormat: input.numberFormat });
    }
    rows.push(line);
  }
  const height = Math.max(input.bars.length + 1, MIN_CHART_ROWS);
  while (rows.length < top + height) rows.push([]);
  return {
    name: CHART_NAME,
    title: input.title,
    data: { row: top, col: input.col, rows: input.bars.length + 1, cols: input.series.length + 1 },
    anchor: { row: top, col: input.col + input.series.length + 1, rows: height, cols: input.chartCols },
    max: 1,
    numberFormat: '0%',
  };
}
