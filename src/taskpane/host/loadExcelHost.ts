import { WorkbookHost } from '../../core/host';

/** The Office.js gateway, in its own chunk: only loaded when Office.onReady reports Excel. */
export async function loadExcelHost(): Promise<WorkbookHost> {
  const gateway = await import(/* webpackChunkName: "excel-host" */ '../../excel/officeGateway');
  // The pane debounces re-runs itself (PaneController); a second delay in the gateway would double the wait.
  return gateway.createExcelHost({ debounceMs: 0 });
}
