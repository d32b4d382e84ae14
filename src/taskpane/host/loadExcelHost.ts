import { WorkbookHost } from '../../core/host';

/** The Office.js gateway, in its own chunk: only loaded when Office.onReady reports Excel. */
export async function loadExcelHost(): Promise<WorkbookHost> {
  const gateway = await import(/* webpackChunkName: "excel-host" */ '../../excel/officeGateway');
  return gateway.createExcelHost();
}
