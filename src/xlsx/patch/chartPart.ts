import { columnLetters, sheetQualified } from '../../core/address';
import { CHART_NAME, SheetChart, SummaryCell, SummarySheet } from '../../core/plan';
import { PACKAGE_RELATIONSHIPS, RELATIONSHIPS } from '../package/namespaces';
import { xmlEscape } from './xmlText';

/**
 * A tool sheet's chart (SheetChart, core/plan/chartBlock.ts) as DrawingML parts, for both file writers
 * (summaryXlsx.ts for the consolidation, patchPackage.ts for the annotated copy): the worksheet names a
 * drawing part (`<drawing r:id>`, summaryPart.ts), the drawing anchors a graphic frame over the chart's
 * cells, the frame names a chart part. The chart reads the sheet's own cells (the data block) through
 * formulas, and carries their values as caches, so a viewer that does not recalculate still draws the bars.
 *
 * A horizontal bar chart: categories top to bottom in the rows' order (the category axis runs maxMin,
 * so the value axis, crossing it at its maximum, stays at the bottom), the value axis from 0 to
 * `chart.max` in `chart.numberFormat`, a legend only with two series or more. Transitional namespaces
 * only: the annotated copy of a Strict workbook gets no chart (patchPackage.ts).
 */

export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWINGML_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SPREADSHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** Relationship types (transitional): a worksheet's drawing, a drawing's chart. */
export const DRAWING_REL_TYPE = RELATIONSHIPS + '/drawing';
export const CHART_REL_TYPE = RELATIONSHIPS + '/chart';

/** The series' fills (Office's first theme accents), so Excel and LibreOffice colour the bars alike. */
const SERIES_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** The two axes' ids in the chart part (any two distinct numbers; fixed, so the part is the same on every run). */
const CATEGORY_AXIS_ID = 510000001;
const VALUE_AXIS_ID = 510000002;

export interface ChartSeriesData {
  name: string;
  /** The header cell holding the name, e.g. 'Tổng hợp điểm'!$D$20. */
  nameRef: string;
  /** The series' cells, e.g. 'Tổng hợp điểm'!$D$21:$D$28. */
  valuesRef: string;
  /** One per category; null: a blank cell (no bar). */
  values: Array<number | null>;
  /** The cells' number format, for the cache. */
  formatCode: string;
}

export interface ChartData {
  /** The categories' cells, e.g. 'Tổng hợp điểm'!$C$21:$C$28. */
  categoriesRef: string;
  categories: string[];
  series: ChartSeriesData[];
}

function cellAt(sheet: SummarySheet, row: number, col: number): SummaryCell | undefined {
  const cells = sheet.rows[row];
  return cells ? cells[col] : undefined;
}

function cellText(cell: SummaryCell | undefined): string {
  if (!cell) return '';
  return cell.kind === 'number' ? String(cell.value) : cell.text;
}

function absolute(row: number, col: number): string {
  return '$' + columnLetters(col) + '$' + (row + 1);
}

function columnRange(sheet: string, col: number, top: number, bottom: number): string {
  return sheetQualified(sheet, absolute(top, col) + (bottom > top ? ':' + absolute(bottom, col) : ''));
}

/** What the chart reads from the sheet: the cells' references and what they hold (the caches). */
export function chartData(sheet: SummarySheet, chart: SheetChart): ChartData {
  const d = chart.data;
  const first = d.row + 1;
  const last = d.row + d.rows - 1;
  const categories: string[] = [];
  for (let r = first; r <= last; r++) categories.push(cellText(cellAt(sheet, r, d.col)));
  const series: ChartSeriesData[] = [];
  for (let s = 1; s < d.cols; s++) {
    const col = d.col + s;
    const values: Array<number | null> = [];
    let formatCode = '';
    for (let r = first; r <= last; r++) {
      const cell = cellAt(sheet, r, col);
      const isNumber = !!cell && cell.kind === 'number' && isFinite(cell.value);
      values.push(isNumber ? (cell as { value: number }).value : null);
      if (isNumber && !formatCode) formatCode = (cell as { numberFormat?: string }).numberFormat || '';
    }
    series.push({
      name: cellText(cellAt(sheet, d.row, col)),
      nameRef: sheetQualified(sheet.name, absolute(d.row, col)),
      valuesRef: columnRange(sheet.name, col, first, last),
      values: values,
      formatCode: formatCode || 'General',
    });
  }
  return { categoriesRef: columnRange(sheet.name, d.col, first, last), categories: categories, series: series };
}

/** A run of text as DrawingML rich text (the title). */
function richText(text: string, size: number, bold: boolean): string {
  const props = ' sz="' + size + '" b="' + (bold ? 1 : 0) + '"';
  return '<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr' + props + '/></a:pPr><a:r><a:rPr lang="vi-VN"' + props + '/><a:t>' + xmlEscape(text) + '</a:t></a:r></a:p></c:rich>';
}

/**
 * An axis's or legend's text size (hundredths of a point). `level`: the text explicitly unrotated, which
 * is what makes LibreOffice show every category's label (else it drops some as soon as one wraps).
 */
function textProps(size: number, level?: boolean): string {
  return '<c:txPr><a:bodyPr' + (level ? ' rot="0" vert="horz"' : '') + '/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="' + size + '"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>';
}

function strCache(values: string[]): string {
  let pts = '';
  for (let i = 0; i < values.length; i++) pts += '<c:pt idx="' + i + '"><c:v>' + xmlEscape(values[i]) + '</c:v></c:pt>';
  return '<c:strCache><c:ptCount val="' + values.length + '"/>' + pts + '</c:strCache>';
}

function numCache(values: Array<number | null>, formatCode: string): string {
  let pts = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null) pts += '<c:pt idx="' + i + '"><c:v>' + String(v) + '</c:v></c:pt>';
  }
  return '<c:numCache><c:formatCode>' + xmlEscape(formatCode) + '</c:formatCode><c:ptCount val="' + values.length + '"/>' + pts + '</c:numCache>';
}

function seriesXml(data: ChartData, s: number): string {
  const ser = data.series[s];
  return (
    '<c:ser><c:idx val="' +
    s +
    '"/><c:order val="' +
    s +
    '"/>' +
    '<c:tx><c:strRef><c:f>' +
    xmlEscape(ser.nameRef) +
    '</c:f>' +
    strCache([ser.name]) +
    '</c:strRef></c:tx>' +
    '<c:spPr><a:solidFill><a:srgbClr val="' +
    SERIES_COLORS[s % SERIES_COLORS.length] +
    '"/></a:solidFill></c:spPr>' +
    '<c:invertIfNegative val="0"/>' +
    '<c:cat><c:strRef><c:f>' +
    xmlEscape(data.categoriesRef) +
    '</c:f>' +
    strCache(data.categories) +
    '</c:strRef></c:cat>' +
    '<c:val><c:numRef><c:f>' +
    xmlEscape(ser.valuesRef) +
    '</c:f>' +
    numCache(ser.values, ser.formatCode) +
    '</c:numRef></c:val>' +
    '</c:ser>'
  );
}

/** The chart part (c:chartSpace) of `chart` on `sheet`. */
export function chartXml(sheet: SummarySheet, chart: SheetChart): string {
  const data = chartData(sheet, chart);
  let series = '';
  for (let s = 0; s < data.series.length; s++) series += seriesXml(data, s);
  const max = chart.max > 0 && isFinite(chart.max) ? chart.max : 1;
  const legend = data.series.length >= 2 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/>' + textProps(900) + '</c:legend>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="' +
    CHART_NS +
    '" xmlns:a="' +
    DRAWINGML_NS +
    '" xmlns:r="' +
    RELATIONSHIPS +
    '">' +
    '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    '<c:title><c:tx>' +
    richText(chart.title, 1200, true) +
    '</c:tx><c:overlay val="0"/></c:title>' +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series +
    '<c:gapWidth val="50"/>' +
    '<c:axId val="' +
    CATEGORY_AXIS_ID +
    '"/><c:axId val="' +
    VALUE_AXIS_ID +
    '"/></c:barChart>' +
    // Categories top to bottom in the data's order: the axis runs from its last category (at the bottom)
    // to its first (at the top). Every category labelled (tickLblSkip for Excel, unrotated text for
    // LibreOffice): a bar without its name says nothing.
    '<c:catAx><c:axId val="' +
    CATEGORY_AXIS_ID +
    '"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    textProps(900, true) +
    '<c:crossAx val="' +
    VALUE_AXIS_ID +
    '"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    // The value axis crosses the category axis at its maximum: at the bottom, under the last bar.
    '<c:valAx><c:axId val="' +
    VALUE_AXIS_ID +
    '"/><c:scaling><c:orientation val="minMax"/><c:max val="' +
    max +
    '"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    '<c:numFmt formatCode="' +
    xmlEscape(chart.numberFormat || '0%') +
    '" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    textProps(900) +
    '<c:crossAx val="' +
    CATEGORY_AXIS_ID +
    '"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="' +
    max / 10 +
    '"/></c:valAx>' +
    '</c:plotArea>' +
    legend +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

/**
 * The drawing part: one cell-anchored graphic frame named CHART_NAME (how a later run knows the part
 * for the tool's own) over the chart's anchor block, its top left corner at the block's first cell and
 * its bottom right at the start of the cell after the block's last (the block exactly), pointing at the
 * chart through relationship `chartRelId`.
 */
export function drawingXml(chart: SheetChart, chartRelId: string): string {
  const a = chart.anchor;
  const marker = (tag: string, row: number, col: number) =>
    '<xdr:' + tag + '><xdr:col>' + col + '</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>' + row + '</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:' + tag + '>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="' +
    SPREADSHEET_DRAWING_NS +
    '" xmlns:a="' +
    DRAWINGML_NS +
    '">' +
    '<xdr:twoCellAnchor>' +
    marker('from', a.row, a.col) +
    marker('to', a.row + a.rows, a.col + a.cols) +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="' +
    xmlEscape(chart.name || CHART_NAME) +
    '" descr="' +
    xmlEscape(chart.title) +
    '"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="' +
    CHART_NS +
    '"><c:chart xmlns:c="' +
    CHART_NS +
    '" xmlns:r="' +
    RELATIONSHIPS +
    '" r:id="' +
    xmlEscape(chartRelId) +
    '"/></a:graphicData></a:graphic>' +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>' +
    '</xdr:wsDr>'
  );
}

/** Whether a drawing part holds the tool's chart (a graphic frame named CHART_NAME). */
export function isToolDrawing(xml: string): boolean {
  return new RegExp('<(?:[A-Za-z_][\\w.-]*:)?cNvPr\\b[^>]*\\sname\\s*=\\s*["\']' + CHART_NAME + '["\']').test(xml);
}

/** A relationships part of one internal relationship (a sheet's drawing, a drawing's chart). */
export function singleRelationshipXml(id: string, type: string, target: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="' +
    PACKAGE_RELATIONSHIPS +
    '"><Relationship Id="' +
    xmlEscape(id) +
    '" Type="' +
    xmlEscape(type) +
    '" Target="' +
    xmlEscape(target) +
    '"/></Relationships>'
  );
}
