import { WorkbookHost } from '../core/host';

/**
 * "Xóa đánh dấu": removes only the tool's own highlights (ExcelApi 1.6+: its tagged conditional
 * formats; below: the plain fills it painted, each cell's earlier fill put back). Cell values,
 * formulas and the user's own formats are left alone. Resolves to how many were removed. ES5-safe.
 */
export function clearHighlights(host: WorkbookHost): Promise<number> {
  return host.clearHighlights();
}
