/// <reference types="office-js" />
import { SUMMARY_SHEET_NAME } from '../core/plan';
import { BACKUP_SHEET_NAME } from './backupRecords';
import { listNames } from './read';
import { GatewaySession, run, sync } from './session';

/**
 * From ExcelApi 1.7: calls back (debounced) when the user edits a scoring sheet, so the pane can offer
 * a re-run. The tool's own writes are not the user's: none while a write is under way, and from 1.14
 * none whose triggerSource is this add-in. ES5.
 *
 * @apiFeature changeEvents
 */
export function onUserEdit(session: GatewaySession, listener: () => void): () => void {
  const features = session.features;
  if (!features.changeEvents) return function () {};
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const handles: Array<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>> = [];
  const handler = function (event: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (disposed || session.writing > 0) return Promise.resolve();
    if (features.triggerSource && event && event.triggerSource === 'ThisLocalAddin') return Promise.resolve();
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      if (!disposed) listener();
    }, session.debounceMs);
    return Promise.resolve();
  };
  const subscribe = async function (): Promise<void> {
    const known = session.names || (await listNames(session));
    await run(session, function (context: Excel.RequestContext) {
      for (let i = 0; i < known.length; i++) {
        if (known[i] === BACKUP_SHEET_NAME || known[i] === SUMMARY_SHEET_NAME) continue;
        handles.push(context.workbook.worksheets.getItem(known[i]).onChanged.add(handler));
      }
      return sync(session, context);
    });
  };
  subscribe().then(undefined, function () {
    return undefined;
  });
  return function () {
    disposed = true;
    if (timer !== null) clearTimeout(timer);
    // All handlers were added in one batch, so they share one context: remove them in one sync.
    const first = handles[0];
    if (first && first.context && typeof first.remove === 'function') {
      session.excel
        .run(first.context, function (context: Excel.RequestContext) {
          for (let i = 0; i < handles.length; i++) handles[i].remove();
          return context.sync();
        })
        .then(undefined, function () {
          return undefined;
        });
    }
  };
}
