import { WorkbookGrid } from '../../core/grid';
import { readGridFromXlsxBytes } from '../read/readGrid';
import { readWorkbookFileBytes } from './workbookFile';
import { ZipLimits } from '../zipGuard';

// Node only (the file is read with fs): kept out of src/xlsx/read so the browser build never pulls it.

/** Same as readWorkbookFile (stat, size limit, error codes), grid only. */
export async function readGridFromXlsxFile(path: string, limits?: Partial<ZipLimits>): Promise<WorkbookGrid> {
  const { bytes, limits: lim, baseName } = readWorkbookFileBytes(path, limits);
  const grid = await readGridFromXlsxBytes(bytes, path, lim);
  grid.fileName = baseName;
  return grid;
}
