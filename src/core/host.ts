import { WorkbookGrid } from './grid';
import { SummarySheet, WritePlan } from './plan/types';
import type { Lang } from './number/format';
import type { WorkbookAnalysis } from './result/types';
import type { ColumnChoices } from './recognise/reading';
import type { SheetRules, SheetRulesOptions } from './plan/sheetRuleMarks';

/**
 * What the task pane and the ribbon command need from wherever the workbook lives.
 * Implemented by the Office.js gateway (src/excel) and by the in-memory browser workbook (src/xlsx);
 * neither React nor the core ever call Office.js or ExcelJS directly. Types only: ES5-safe.
 */

export type HostKind = 'excel' | 'browser';

/** What this host can do; the Office.js gateway fills it by `isSetSupported`, never by version sniffing. */
export interface HostCapabilities {
  /** ExcelApi level reached, e.g. "1.1", "1.9", "1.20"; "n/a" outside Excel. */
  apiLevel: string;
  /** Hyperlinks attached to cells can be read (evidence by link), otherwise evidence is judged from text. */
  readsHyperlinks: boolean;
  /** Font names can be read (TCVN3/VNI detection by font). */
  readsFonts: boolean;
  /** Highlights are conditional formats (true) or plain fills (false). */
  conditionalFormatHighlights: boolean;
  /** The whole write is one undo step in Excel (ExcelApi 1.20 mergeUndoGroup). */
  singleUndoStep: boolean;
  /** Change events on sheets, to re-run after the user edits. */
  changeEvents: boolean;
  /** The annotated workbook can be downloaded (browser mode). */
  download: boolean;
}

export interface ApplyOptions {
  /** Paint highlight marks (missing evidence, score problems). */
  highlights: boolean;
  /**
   * The analysis the plan was made from, for a host that installs its sheet rules with the highlights
   * (Excel from ExcelApi 1.8: plan/sheetRules.ts `buildSheetRules`, given the cells the host finds with the
   * user's own validation; the flags say which highlights a rule shows live). The host builds the spec
   * with the builder the caller hands it, which the pane loads at its first write (not in its first load).
   */
  sheetRules?: SheetRulesRequest;
}

/** plan/sheetRules.ts `buildSheetRules`, handed in by the caller that loaded it. */
export type BuildSheetRules = (analysis: WorkbookAnalysis, lang: Lang, options?: SheetRulesOptions) => SheetRules;

/** What a host needs to install the sheet rules of one analysis. */
export interface SheetRulesRequest {
  analysis: WorkbookAnalysis;
  lang: Lang;
  build: BuildSheetRules;
}

export interface ApplyReport {
  /** Cells whose formula was written. */
  written: number;
  highlighted: number;
  /** context.sync() calls spent (Excel), 0 elsewhere. */
  syncs: number;
}

export interface RevertReport {
  /** Cells restored to what they held before the last write; 0 when there is nothing to revert. */
  restored: number;
}

/** Why a host operation failed, in terms the pane can explain; the words come from the message catalogue. */
export type HostErrorCode = 'sheet-protected' | 'cell-editing' | 'changed-since-read' | 'nothing-to-revert' | 'not-an-xlsx' | 'host-unavailable' | 'unknown';

export interface HostError {
  code: HostErrorCode;
  /** Sheet concerned, where known. */
  sheet?: string;
  /** Host's own text, for the details line only. */
  detail?: string;
}

export interface WorkbookHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** One read of every candidate sheet (Excel: one context.sync). */
  readWorkbook(): Promise<WorkbookGrid>;
  /**
   * Writes the plan (Excel: one context.sync), saving first what each written cell held so
   * `revertLastWrite` can restore it exactly. Rejects with a HostError and leaves the workbook as it was.
   */
  applyPlan(plan: WritePlan, options: ApplyOptions): Promise<ApplyReport>;
  revertLastWrite(): Promise<RevertReport>;
  /**
   * After a read or a write: whether the workbook holds a write of the tool that revertLastWrite can
   * undo (also one saved in an earlier session), so the pane can offer it.
   */
  canRevert?(): boolean;
  /** Removes only the tool's own highlights; returns how many. */
  clearHighlights(): Promise<number>;
  /** Selects a cell so the user sees it (Excel), or scrolls to it (browser). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Calls back when the user edits a scoring sheet (not for the tool's own writes); returns an unsubscribe. */
  onUserEdit?(listener: () => void): () => void;
  /** Browser mode: the annotated workbook as .xlsx bytes. */
  downloadAnnotated?(options?: DownloadOptions): Promise<{ fileName: string; bytes: Uint8Array }>;
  /**
   * Excel: adds the sheets as new worksheets (e.g. the consolidation of many communes), each name made
   * unique ("Tổng hợp xếp hạng (2)") so no existing sheet is ever overwritten; resolves to the names used.
   * Rejects with a HostError and removes what it added.
   */
  addSheets?(sheets: SummarySheet[]): Promise<string[]>;
  /**
   * The user's choice of column per role ("Cách đọc bảng"), kept with the workbook so the next session
   * and the ribbon command read the table the same way (Excel: document settings; browser: the open file
   * only). Resolves null when none is kept; rejects (HostError) when the store cannot be read, and the
   * caller then reads the table automatically.
   */
  readColumnChoices(): Promise<ColumnChoices | null>;
  /** Keeps the choice (null or {} forgets it); rejects (HostError) when it could not be saved. */
  saveColumnChoices(choices: ColumnChoices | null): Promise<void>;
}

/** How the annotated copy is checked: the assessment year the user set in the pane, if any (else the titles'). */
export interface DownloadOptions {
  assessmentYear?: number | null;
}

/** A small read-only window on the sheet around a selected cell (browser mode's "select"). */
export interface CellPreview {
  sheet: string;
  address: string;
  /** 0-based row and column of the selected cell. */
  row: number;
  col: number;
  /** Column letters shown, left to right. */
  columns: { col: number; letter: string }[];
  /** A few rows around the cell, each with its 1-based number and the shown text of each column. */
  rows: { row: number; cells: string[] }[];
}

/** What the standalone browser page adds to a host: files, the sample, the selected cell, download. */
export interface StandaloneControls {
  fileName(): string;
  isSample(): boolean;
  /** Replaces the workbook with a file the user chose; rejects with a WorkbookInputError for a bad file. */
  openFile(bytes: Uint8Array, fileName: string): Promise<void>;
  openSample(): Promise<void>;
  /** The cell last selected through selectCell, with its neighbourhood; null before any. */
  selection(): CellPreview | null;
  onSelectionChange(listener: (preview: CellPreview | null) => void): () => void;
  downloadAnnotated(options?: DownloadOptions): Promise<{ fileName: string; bytes: Uint8Array }>;
}

/** A host's error: a plain object with a code (never an Error, never the tool's own CchcError, src/core/errors.ts). */
export function isHostError(e: unknown): e is HostError {
  return typeof e === 'object' && e !== null && typeof (e as HostError).code === 'string' && !(e instanceof Error) && (e as { cchcError?: unknown }).cchcError !== true;
}
