import { AnalyseOptions, analyseWorkbook } from '../core/analyse';
import { WorkbookGrid } from '../core/grid';
import { WorkbookHost } from '../core/host';
import { WorkbookAnalysis } from '../core/result';
import { ReadingOptions, resolveReading } from './reading';

/**
 * "Hoàn tác lần ghi gần nhất": the host puts back every cell its last write changed, from its backup.
 * With `reread` (the pane, which shows the workbook) the restored workbook is read and analysed
 * again; without it (the light pane) no read is spent. ES5-safe.
 */

export interface RevertOptions extends ReadingOptions {
  /** Read and analyse the workbook once restored (one more read sync on Excel). */
  reread?: boolean;
}

export interface RevertResult {
  restored: number;
  /** There was no write to revert (`restored` is 0). */
  nothingToRevert: boolean;
  /** With `reread`: the workbook as it now is. */
  grid: WorkbookGrid | null;
  analysis: WorkbookAnalysis | null;
  analyseOptions: AnalyseOptions | null;
}

export function revert(host: WorkbookHost, options?: RevertOptions): Promise<RevertResult> {
  const opts: RevertOptions = options || {};
  return host.revertLastWrite().then(function (r): RevertResult | Promise<RevertResult> {
    const result: RevertResult = { restored: r.restored, nothingToRevert: r.restored === 0, grid: null, analysis: null, analyseOptions: null };
    if (!opts.reread) return result;
    let analyse: AnalyseOptions = {};
    return resolveReading(host, opts)
      .then(function (reading) {
        analyse = reading.analyse;
        return host.readWorkbook();
      })
      .then(function (grid) {
        result.grid = grid;
        result.analysis = analyseWorkbook(grid, analyse);
        result.analyseOptions = analyse;
        return result;
      });
  });
}
