import { AnalyseOptions } from '../core/analyse';
import { WorkbookGrid } from '../core/grid';
import { WorkbookHost } from '../core/host';
import type { ColumnChoices } from '../core/recognise';

/**
 * How a use case reads the tables: the user's choice of columns and assessment year. ES5-safe.
 *
 * The one rule for the choice of columns: `columns` given (a choice, or null for "read every table
 * automatically") is used as given; left out, the choice kept with the workbook is asked of the host
 * (Excel: document settings, no sync). A kept choice that cannot be read never stops the work: the
 * tables are then read automatically and `choicesUnreadable` says so, for the caller to tell the user.
 * The pane passes its own choice (it reads the kept one once and then follows the user's picks);
 * the ribbon and the light pane leave it out.
 */
export interface ReadingOptions {
  columns?: ColumnChoices | null;
  /** The year the user set for the evidence check; null or absent: the title rows' year. */
  assessmentYear?: number | null;
}

export interface StoredChoices {
  columns: ColumnChoices | null;
  /** The host's store failed (the tables are read automatically). */
  unreadable: boolean;
}

/** No choice for any sheet (null, or an object with no sheet in it). */
export function isEmptyChoices(choices: ColumnChoices | null | undefined): boolean {
  if (!choices) return true;
  for (const sheet in choices) if (Object.prototype.hasOwnProperty.call(choices, sheet)) return false;
  return true;
}

/** The choice kept with the workbook; empty means none; a store that throws or rejects is `unreadable`. */
export function readStoredChoices(host: WorkbookHost): Promise<StoredChoices> {
  let reading: Promise<ColumnChoices | null>;
  try {
    reading = typeof host.readColumnChoices === 'function' ? host.readColumnChoices() : Promise.resolve(null);
  } catch (e) {
    reading = Promise.reject(e);
  }
  return reading.then(
    function (columns): StoredChoices {
      return { columns: isEmptyChoices(columns) ? null : columns, unreadable: false };
    },
    function (): StoredChoices {
      return { columns: null, unreadable: true };
    },
  );
}

/** The core's options for a choice and a year (an empty choice is no choice). */
export function analyseOptionsOf(columns: ColumnChoices | null | undefined, assessmentYear: number | null | undefined): AnalyseOptions {
  const options: AnalyseOptions = {};
  if (assessmentYear !== null && assessmentYear !== undefined) options.assessmentYear = assessmentYear;
  if (!isEmptyChoices(columns)) options.columns = columns!;
  return options;
}

/** The options of a run after the rule above: the caller's choice, else the host's. */
export function resolveReading(host: WorkbookHost, options: ReadingOptions): Promise<{ analyse: AnalyseOptions; choicesUnreadable: boolean }> {
  if (options.columns !== undefined) return Promise.resolve({ analyse: analyseOptionsOf(options.columns, options.assessmentYear), choicesUnreadable: false });
  return readStoredChoices(host).then(function (stored) {
    return { analyse: analyseOptionsOf(stored.columns, options.assessmentYear), choicesUnreadable: stored.unreadable };
  });
}

/** What a use case starts from: the workbook as read, and the options it is read with. */
export interface TablesRead {
  grid: WorkbookGrid;
  analyse: AnalyseOptions;
  choicesUnreadable: boolean;
}

/** The rule above, then one read of the workbook: the start of every use case that analyses. */
export function readTables(host: WorkbookHost, options: ReadingOptions): Promise<TablesRead> {
  return resolveReading(host, options).then(function (reading) {
    return host.readWorkbook().then(function (grid): TablesRead {
      return { grid: grid, analyse: reading.analyse, choicesUnreadable: reading.choicesUnreadable };
    });
  });
}
