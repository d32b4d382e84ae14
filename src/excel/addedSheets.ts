/// <reference types="office-js" />
import { SummarySheet } from '../core/plan';
import { queueChart } from './charts';
import { rememberNames } from './documentSettings';
import { toHostError } from './officeErrors';
import { uniqueSheetName } from './planCells';
import { listNames } from './read';
import { GatewaySession, indexOf, run, sync } from './session';
import { batches, Op, queuePrintLayout, queueSheet } from './writeQueue';

/** New tool sheets beside the user's (the consolidation of many communes), never over them. ES5. */

/** The sheet with its links to a sheet of the same set following that sheet's new name. */
function retarget(sheet: SummarySheet, wanted: string[], used: string[]): SummarySheet {
  const rows: SummarySheet['rows'] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row: SummarySheet['rows'][number] = [];
    for (let c = 0; c < sheet.rows[r].length; c++) {
      const cell = sheet.rows[r][c];
      const k = cell && cell.kind === 'link' ? indexOf(wanted, cell.sheet) : -1;
      row.push(cell && cell.kind === 'link' && k >= 0 ? { kind: 'link', text: cell.text, sheet: used[k], address: cell.address } : cell);
    }
    rows.push(row);
  }
  const out: SummarySheet = { name: sheet.name, rows: rows, columnWidths: sheet.columnWidths };
  if (sheet.chart) out.chart = sheet.chart;
  return out;
}

/** Failure path: deletes the sheets of `used` that exist now (none of those names existed before). */
async function deletePartial(session: GatewaySession, used: string[]): Promise<void> {
  const now = await listNames(session);
  const ours: string[] = [];
  for (let i = 0; i < now.length; i++) if (indexOf(used, now[i]) >= 0) ours.push(now[i]);
  if (!ours.length) return;
  await run(session, function (context: Excel.RequestContext) {
    for (let i = 0; i < ours.length; i++) context.workbook.worksheets.getItem(ours[i]).delete();
    return sync(session, context);
  });
}

/**
 * One sync learns the current sheet names (a clash would fail the batch), one more adds and writes the
 * sheets, sets their print layout (from 1.9) and shows the first (more only over the payload limit). On
 * failure whatever was added is deleted again.
 */
export async function addSheets(session: GatewaySession, list: SummarySheet[]): Promise<string[]> {
  if (!list.length) return [];
  const wanted: string[] = [];
  const used: string[] = [];
  let present: string[] = [];
  session.writing++;
  try {
    present = await listNames(session);
    const taken = present.slice();
    for (let i = 0; i < list.length; i++) {
      const name = uniqueSheetName(list[i].name, taken);
      taken.push(name);
      wanted.push(list[i].name);
      used.push(name);
    }
    const ops: Op[] = [];
    for (let i = 0; i < list.length; i++) {
      queueSheet(session, ops, retarget(list[i], wanted, used), used[i], false);
      queueChart(session, ops, list[i], used[i], []);
      // From 1.9 print-ready in the same batch: a host that refuses the layout fails it, and the sheets go.
      queuePrintLayout(session, ops, list[i], used[i]);
    }
    ops.push({
      size: 100,
      apply: function (context: Excel.RequestContext) {
        context.workbook.worksheets.getItem(used[0]).activate();
      },
    });
    const groups = batches(session, ops);
    await run(session, async function (context: Excel.RequestContext) {
      for (let k = 0; k < groups.length; k++) {
        for (let i = 0; i < groups[k].length; i++) groups[k][i].apply(context);
        // One sync per group on purpose: a group is what fits under the payload limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await sync(session, context);
      }
    });
  } catch (e) {
    session.writing--;
    const failure = toHostError(e);
    if (!used.length) throw failure;
    try {
      await deletePartial(session, used);
    } catch (ignored) {
      /* best effort */
    }
    throw failure;
  }
  session.writing--;
  rememberNames(session, present.concat(used));
  return used;
}
