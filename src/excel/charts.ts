/// <reference types="office-js" />
import { a1 } from '../core/address';
import { CHART_NAME, SummarySheet } from '../core/plan';
import { rangeAddress } from './planCells';
import { GatewaySession, indexOf, sync } from './session';
import { jsonSize, Op } from './writeQueue';

/**
 * The chart of a tool sheet (the summary's field percentages, the consolidation's ranking): a horizontal
 * bar chart over the sheet's own cells (core/plan/chartBlock.ts says where), with the chart API of
 * ExcelApi 1.1. From 1.7 the bars read top to bottom in the table's order (below, Excel draws the first
 * category at the bottom); from 1.8 the value axis reads in percent and stays under the bars. ES5.
 */

/**
 * Queues the sheet's chart after its cells: the tool's earlier chart of the same name goes first
 * (`existing`: the chart names the read found on the sheet; a chart of the user's is never touched).
 */
export function queueChart(session: GatewaySession, ops: Op[], sheet: SummarySheet, name: string, existing: string[]): void {
  const chart = sheet.chart;
  const features = session.features;
  const had = indexOf(existing, CHART_NAME) >= 0;
  if (!chart && !had) return;
  ops.push({
    size: 600 + jsonSize(chart ? chart.title : ''),
    apply: function (context: Excel.RequestContext) {
      const ws = context.workbook.worksheets.getItem(name);
      if (had) ws.charts.getItem(CHART_NAME).delete();
      if (!chart) return;
      const d = chart.data;
      const c = ws.charts.add('BarClustered', ws.getRange(rangeAddress(d.row, d.col, d.rows, d.cols)), 'Columns');
      c.name = chart.name;
      c.title.text = chart.title;
      // One series explains itself by the title; two (self-assessed, appraised) need their names.
      c.legend.visible = d.cols > 2;
      if (d.cols > 2) c.legend.position = 'Bottom';
      const a = chart.anchor;
      c.setPosition(a1(a.row, a.col), a1(a.row + a.rows - 1, a.col + a.cols - 1));
      const values = c.axes.valueAxis;
      values.minimum = 0;
      values.maximum = chart.max;
      if (features.chartCategoryOrder) c.axes.categoryAxis.reversePlotOrder = true;
      if (features.chartAxisFormat) {
        values.numberFormat = chart.numberFormat;
        // Reversed, the categories end at the bottom: the value axis crosses there, under the bars.
        c.axes.categoryAxis.position = 'Maximum';
      }
    },
  });
}

/** Deletes the tool's chart on sheet `name` if it has one (one sync to find it: a chart is got by a name that exists). */
export async function deleteOwnChart(session: GatewaySession, context: Excel.RequestContext, name: string): Promise<void> {
  const charts = context.workbook.worksheets.getItem(name).charts;
  charts.load('items/name');
  await sync(session, context);
  for (let i = 0; i < charts.items.length; i++) if (charts.items[i].name === CHART_NAME) charts.items[i].delete();
}
