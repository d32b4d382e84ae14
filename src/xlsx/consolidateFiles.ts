import { analyseWorkbook } from '../core/analyse';
import { CommuneSummary, consolidate, Consolidation, FailedSource, GroupThresholds, isConsolidationWorkbook, SourceFailure, summariseSource } from '../core/consolidate';
import { WorkbookGrid } from '../core/grid';
import { Lang } from '../core/number';
import { SummarySheet } from '../core/plan';
import { Profile } from '../core/profile';
import { ColumnChoices } from '../core/recognise';
import { readGridFromXlsxBytes } from './read/readGrid';
import { summarySheetsXlsxBytes } from './summaryXlsx';
import { errorText, isCchcError } from '../core/errors';
import { WorkbookInputErrorCode } from './workbookInputError';

/**
 * The district's consolidation from file bytes: each workbook is read with the fast grid reader,
 * analysed, and cut down to the few figures the ranking needs before the next one is read, so
 * memory stays flat over hundreds of communes. A bad file becomes a listed failure; the batch
 * goes on. Works in Node and in a browser (no fs here; the caller hands the bytes in).
 */

export interface ConsolidateFilesOptions {
  groups?: GroupThresholds;
  lang: Lang;
  /** As analyseWorkbook's: 'auto' (default) picks a built-in profile a sheet matches; null none. */
  profile?: Profile | null | 'auto';
  /** As analyseWorkbook's: the year evidence must date from; default each workbook's titles. */
  assessmentYear?: number;
  /** As analyseWorkbook's: the user's column per role, by sheet ("*": every sheet), for every workbook. */
  columns?: ColumnChoices;
  /** After each file, read or failed. */
  onProgress?: (done: number, total: number, fileName: string) => void;
  /** Asked before each file: true stops the batch there (the user cancelled); the result is then partial. */
  shouldStop?: () => boolean;
}

const FAILURE_OF_CODE: { [code in WorkbookInputErrorCode]: SourceFailure } = {
  'not-found': 'unreadable',
  'not-a-file': 'unreadable',
  'not-xlsx': 'not-xlsx',
  'legacy-xls': 'not-xlsx',
  encrypted: 'protected',
  corrupt: 'corrupt',
  'too-large': 'too-large',
  'too-many-entries': 'too-large',
  'beyond-limits': 'too-large',
};

/**
 * A reader error as a failed source, with the reader's own sentence in the user's language. Any other
 * error (a library's, in its own words) reads "the file could not be read"; its text is kept apart.
 */
export function failureFromError(fileName: string, error: unknown, lang: Lang): FailedSource {
  if (isCchcError(error)) {
    const failure = Object.prototype.hasOwnProperty.call(FAILURE_OF_CODE, error.code) ? FAILURE_OF_CODE[error.code as WorkbookInputErrorCode] : undefined;
    return { fileName: fileName, failure: failure || 'unreadable', detail: errorText(error, lang) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { fileName: fileName, failure: 'unreadable', technical: message };
}

/**
 * A file to consolidate: its bytes, or a function that gives them when the file's turn comes (a
 * caller reading from disk then holds one file at a time; a WorkbookInputError it throws fails
 * that file only).
 */
export interface FileToConsolidate {
  name: string;
  bytes: Uint8Array | (() => Uint8Array);
}

/**
 * Reads and analyses one file; the grid is dropped on return, only the summary is kept. Null for
 * an earlier consolidation written by this tool (left in the same folder): not a commune.
 */
async function readOne(file: FileToConsolidate, options: ConsolidateFilesOptions): Promise<CommuneSummary | FailedSource | null> {
  let grid: WorkbookGrid | null;
  try {
    const bytes = typeof file.bytes === 'function' ? file.bytes() : file.bytes;
    grid = await readGridFromXlsxBytes(bytes, file.name);
  } catch (error) {
    return failureFromError(file.name, error, options.lang);
  }
  grid.fileName = file.name;
  if (isConsolidationWorkbook(grid.sheets.map((s) => s.name))) return null;
  try {
    const analysis = analyseWorkbook(grid, { profile: options.profile === undefined ? 'auto' : options.profile, columns: options.columns, assessmentYear: options.assessmentYear });
    grid = null;
    const summary = summariseSource({ fileName: file.name, analysis: analysis });
    // A copy through JSON: names, codes and flag texts may be slices of the file's whole sheet XML,
    // and a kept slice keeps that string alive (measured: peak 113 → 103 MB over 250 communes).
    return summary ? (JSON.parse(JSON.stringify(summary)) as CommuneSummary) : { fileName: file.name, failure: 'no-scoring-table' };
  } catch (error) {
    return failureFromError(file.name, error, options.lang);
  }
}

export async function consolidateFiles(files: FileToConsolidate[], options: ConsolidateFilesOptions): Promise<Consolidation> {
  const sources: Array<CommuneSummary | FailedSource> = [];
  for (let i = 0; i < files.length; i++) {
    if (options.shouldStop && options.shouldStop()) break;
    const source = await readOne(files[i], options);
    if (source) sources.push(source);
    if (options.onProgress) options.onProgress(i + 1, files.length, files[i].name);
  }
  return consolidate(sources, { groups: options.groups, lang: options.lang });
}

/**
 * The consolidation's sheets as a new .xlsx (a Node Buffer under Node, a Uint8Array in a browser),
 * written without ExcelJS (see summaryXlsx.ts): the Excel add-in can offer the file too.
 */
export async function summarySheetsToXlsx(sheets: SummarySheet[]): Promise<Uint8Array> {
  return summarySheetsXlsxBytes(sheets);
}
