import { columnLetters, parseA1 } from '../core/address';
import { analyseWorkbook } from '../core/analyse';
import { WorkbookGrid, GridCell } from '../core/grid';
import { ApplyOptions, ApplyReport, CellPreview, DownloadOptions, HostCapabilities, HostError, RevertReport, StandaloneControls, WorkbookHost } from '../core/host';
import { Lang } from '../core/number';
import { planWorkbook, WritePlan } from '../core/plan';
import type { ColumnChoices } from '../core/recognise';
import type { WorkbookAnalysis } from '../core/result';
import { buildSampleGrid } from '../core/sample';

/**
 * The standalone page's workbook, held in memory (the embedded sample or a file the user opened),
 * behind the same WorkbookHost interface as Excel. Every state is kept as .xlsx bytes, so a write is
 * "patch a copy of the bytes with the plan" (src/xlsx/patch, as `cchc score --out` does) and revert is
 * "go back one state": nothing is ever changed in place.
 *
 * The page's first result needs none of the file code: the sample is shown from the core's own grid,
 * and its .xlsx bytes (ExcelJS builds them) are made only at the first write or download. The reader
 * loads when a file is opened, the patcher at the first write, each in its own chunk.
 */

const loadReader = () => import(/* webpackChunkName: "xlsx-read" */ './read/readGrid');
const loadPatcher = () => import(/* webpackChunkName: "xlsx-patch" */ './patch/patchPackage');
const loadRules = () => import(/* webpackChunkName: "xlsx-patch" */ './patch/rulesPart');
const loadSampleFile = () => import(/* webpackChunkName: "sample-file" */ './gridToWorkbook');

/**
 * The sample as the page shows it before any file exists: the grid the sample file reads back as
 * (test/xlsx/browserHost.test.ts compares the two analyses). It has no hidden row or column.
 */
export function sampleGridAsShown(): WorkbookGrid {
  const grid: WorkbookGrid = buildSampleGrid();
  grid.fileName = SAMPLE_FILE_NAME;
  for (const sheet of grid.sheets) sheet.hidden = { rows: [], columns: [] };
  return grid;
}

export const SAMPLE_FILE_NAME = 'Mau-Phu-luc-CCHC-Thanh-Xa-2023.xlsx';

/** What the standalone page can do beyond WorkbookHost: open another file, show the selected cell. */
export interface BrowserWorkbookHost extends WorkbookHost, StandaloneControls {
  readonly kind: 'browser';
  /** Language of the summary sheet in the annotated copy. */
  setLanguage(lang: Lang): void;
  downloadAnnotated(options?: DownloadOptions): Promise<{ fileName: string; bytes: Uint8Array }>;
}

interface State {
  /** The workbook's bytes; null only for the sample before anything needed them. */
  bytes: Uint8Array | null;
  grid: WorkbookGrid;
  /** The write that produced this state from the one below it. */
  write?: { plan: WritePlan; highlights: boolean; cells: number };
}

const CAPABILITIES: HostCapabilities = {
  apiLevel: 'n/a',
  readsHyperlinks: true,
  readsFonts: true,
  conditionalFormatHighlights: false,
  singleUndoStep: true,
  changeEvents: false,
  download: true,
};

function hostError(code: HostError['code'], detail?: string, sheet?: string): HostError {
  const e: HostError = { code };
  if (detail !== undefined) e.detail = detail;
  if (sheet !== undefined) e.sheet = sheet;
  return e;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "Phu luc.xlsx" (or an Excel 97-2003 "Phu luc.xls") -> "Phu luc-da-cham.xlsx". */
export function annotatedFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx?$/i, '') || 'bang-diem';
  return base + '-da-cham.xlsx';
}

function shownText(cell: GridCell | null | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  if (cell.value === null || cell.value === undefined) return cell.formula ? '=' + cell.formula.replace(/^=/, '') : '';
  return String(cell.value);
}

/** A small read-only window on the grid around one cell: 2 rows either side, up to 8 columns. */
export function cellPreview(grid: WorkbookGrid, sheetName: string, address: string): CellPreview | null {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  const at = parseA1(address);
  if (!sheet || !at) return null;
  let width = 0;
  for (const row of sheet.rows) if (row && row.length > width) width = row.length;
  width = Math.max(width, at.col + 1);
  const span = Math.min(width, 8);
  const left = Math.max(0, Math.min(at.col - 3, width - span));
  const columns: CellPreview['columns'] = [];
  for (let c = left; c < left + span; c++) columns.push({ col: c, letter: columnLetters(c) });
  const rows: CellPreview['rows'] = [];
  for (let r = Math.max(0, at.row - 2); r <= at.row + 2; r++) {
    const row = sheet.rows[r] || [];
    rows.push({ row: r + 1, cells: columns.map((c) => shownText(row[c.col])) });
  }
  return { sheet: sheetName, address: address.replace(/\$/g, '').toUpperCase(), row: at.row, col: at.col, columns, rows };
}

class InMemoryHost implements BrowserWorkbookHost {
  readonly kind = 'browser' as const;
  readonly capabilities = CAPABILITIES;
  private states: State[] = [];
  private name = '';
  private sample = false;
  private lang: Lang = 'vi';
  private highlightsWanted = true;
  private selected: CellPreview | null = null;
  private selectionListeners: Array<(preview: CellPreview | null) => void> = [];
  /** The choice of columns made in the pane, for the open file only (a file opened next starts automatic). */
  private columns: ColumnChoices | null = null;

  fileName(): string {
    return this.name;
  }

  isSample(): boolean {
    return this.sample;
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
  }

  async openFile(bytes: Uint8Array, fileName: string): Promise<void> {
    const grid = await (await loadReader()).readGridFromXlsxBytes(bytes, fileName);
    this.states = [{ bytes, grid }];
    this.name = fileName;
    this.sample = false;
    this.columns = null;
    this.select(null);
  }

  async openSample(): Promise<void> {
    this.states = [{ bytes: null, grid: sampleGridAsShown() }];
    this.name = SAMPLE_FILE_NAME;
    this.sample = true;
    this.columns = null;
    this.select(null);
  }

  private top(): State {
    if (!this.states.length) throw hostError('host-unavailable', 'no workbook is open');
    return this.states[this.states.length - 1];
  }

  async readWorkbook(): Promise<WorkbookGrid> {
    return this.top().grid;
  }

  /** A state's bytes; the sample's are made (with ExcelJS, in its own chunk) the first time they are needed. */
  private async bytesOf(state: State): Promise<Uint8Array> {
    if (!state.bytes) state.bytes = await (await loadSampleFile()).sampleWorkbookBytes();
    return state.bytes;
  }

  /**
   * `from`'s bytes patched with the plan, then read back: the state a write leads to. With highlights,
   * the scoring sheets also get the rules that check them as the official types (drop-downs of the
   * levels, formula highlights), as `cchc score --out` writes them; `analysis` is the one the plan came
   * from, else `from` is analysed again with the pane's choice of columns (the rules do not depend on
   * the assessment year).
   */
  private async written(from: State, plan: WritePlan, highlights: boolean, analysis?: WorkbookAnalysis): Promise<State> {
    const toApply: WritePlan = highlights ? plan : { writes: plan.writes, highlights: [], summary: plan.summary };
    let bytes: Uint8Array;
    try {
      const [patcher, rulesPart, original] = await Promise.all([loadPatcher(), loadRules(), this.bytesOf(from)]);
      const rules = highlights ? rulesPart.sheetRulesInput(analysis || analyseWorkbook(from.grid, this.columns ? { columns: this.columns } : {}), this.lang) : undefined;
      // The download is named .xlsx: a macro-enabled file's VBA project is left out (an .xlsx cannot hold it).
      bytes = await patcher.patchWorkbookBytes(original, toApply, { fileName: this.name, dropMacros: true, rules: rules });
    } catch (error) {
      throw hostError('unknown', detailOf(error));
    }
    const reread = { grid: await (await loadReader()).readGridFromXlsxBytes(bytes, this.name) };
    const cells: { [key: string]: boolean } = {};
    for (const w of toApply.writes) cells[w.sheet + '!' + w.address] = true;
    for (const h of toApply.highlights) cells[h.sheet + '!' + h.address] = true;
    return { bytes, grid: reread.grid, write: { plan, highlights, cells: Object.keys(cells).length } };
  }

  async applyPlan(plan: WritePlan, options: ApplyOptions): Promise<ApplyReport> {
    const next = await this.written(this.top(), plan, options.highlights);
    this.states.push(next);
    this.highlightsWanted = options.highlights;
    this.refreshSelection();
    return { written: plan.writes.length, highlighted: options.highlights ? plan.highlights.length : 0, syncs: 0 };
  }

  canRevert(): boolean {
    return this.states.length > 1;
  }

  async revertLastWrite(): Promise<RevertReport> {
    if (this.states.length < 2) return { restored: 0 };
    const undone = this.states.pop()!;
    this.refreshSelection();
    return { restored: undone.write ? undone.write.cells : 0 };
  }

  async clearHighlights(): Promise<number> {
    this.highlightsWanted = false;
    const top = this.states[this.states.length - 1];
    if (!top || !top.write || !top.write.highlights || this.states.length < 2) return 0;
    const count = top.write.plan.highlights.length;
    const below = this.states[this.states.length - 2];
    this.states[this.states.length - 1] = await this.written(below, top.write.plan, false);
    return count;
  }

  async readColumnChoices(): Promise<ColumnChoices | null> {
    return this.columns ? JSON.parse(JSON.stringify(this.columns)) : null;
  }

  async saveColumnChoices(choices: ColumnChoices | null): Promise<void> {
    this.columns = choices && Object.keys(choices).length ? JSON.parse(JSON.stringify(choices)) : null;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.select(cellPreview(this.top().grid, sheet, address));
  }

  selection(): CellPreview | null {
    return this.selected;
  }

  onSelectionChange(listener: (preview: CellPreview | null) => void): () => void {
    this.selectionListeners.push(listener);
    return () => {
      this.selectionListeners = this.selectionListeners.filter((l) => l !== listener);
    };
  }

  private select(preview: CellPreview | null): void {
    this.selected = preview;
    for (const l of this.selectionListeners.slice()) l(preview);
  }

  private refreshSelection(): void {
    if (this.selected) this.select(cellPreview(this.top().grid, this.selected.sheet, this.selected.address));
  }

  /** The annotated copy, exactly what `cchc score FILE --out COPY` writes: analysed and planned afresh, with the pane's choice of columns. */
  async downloadAnnotated(options?: DownloadOptions): Promise<{ fileName: string; bytes: Uint8Array }> {
    const top = this.top();
    const year = options && options.assessmentYear;
    const analysis = analyseWorkbook(top.grid, { ...(year ? { assessmentYear: year } : {}), ...(this.columns ? { columns: this.columns } : {}) });
    const state = await this.written(top, planWorkbook(analysis, top.grid, this.lang), this.highlightsWanted, analysis);
    return { fileName: annotatedFileName(this.name), bytes: await this.bytesOf(state) };
  }
}

/** The in-memory host on the embedded sample, or on the given file's bytes. */
export async function createBrowserHost(file?: { bytes: Uint8Array; fileName: string }, lang?: Lang): Promise<BrowserWorkbookHost> {
  const host = new InMemoryHost();
  if (lang) host.setLanguage(lang);
  if (file) await host.openFile(file.bytes, file.fileName);
  else await host.openSample();
  return host;
}
