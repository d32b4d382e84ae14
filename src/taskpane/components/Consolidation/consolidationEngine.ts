/**
 * Everything the consolidation needs beyond the pane's first screen, in one async chunk that the
 * section imports when files are chosen: the reading and ranking code, ExcelJS and jszip (their own
 * chunks), the view model. The first load of the pane does not grow.
 */
export { consolidateFiles, summarySheetsToXlsx } from '../../../xlsx/consolidateFiles';
export { consolidationSheets } from '../../../core/consolidate';
export { consolidationView } from './consolidationView';
