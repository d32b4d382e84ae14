import { AnalyseOptions, analyseWorkbook, WorkbookAnalysis } from '../../core/analyse';
import { AssessmentYearState, assessmentYearState as yearState, isValidAssessmentYear, titleYearOf } from '../../app/assessmentYear';
import { clearHighlights } from '../../app/clearHighlights';
import { describeError, UserMessage } from '../../app/errors';
import { analyseOptionsOf, readStoredChoices } from '../../app/reading';
import { recalculate } from '../../app/recalculate';
import { deliverReport } from '../../app/report';
import { revert } from '../../app/revert';
import { WorkbookGrid } from '../../core/grid';
import { ApplyReport, BuildSheetRules, HostKind, WorkbookHost } from '../../core/host';
import { hostErrorText, paneText } from '../../core/messages';
import { Lang } from '../../core/number';
import type { ColumnChoices, ColumnRole } from '../../core/recognise';
import type { ReportDocument } from '../../core/report';
import { buildPaneView, PaneView } from './paneModel';
import { ColumnPick, isValidPick, readingsOf, withoutSheet, withPick } from './columnChoices';

/**
 * The pane's state machine, free of React so it is tested with a fake host: read → analyse →
 * show; a debounced re-run when the user edits a scoring sheet, ignoring the pane's own writes.
 * What the buttons do is the use cases' (src/app), which the ribbon and the light pane run too:
 * recalculate (one read and one write; the shown result is the plan applied to the grid read, not a
 * third read), the appraiser's fill, revert, clear highlights. The pane adds its options: the user's
 * choice of columns and assessment year, and its highlights switch.
 */

export type PaneStatus = 'idle' | 'reading' | 'writing' | 'reverting' | 'highlighting' | 'reporting';

// The year's rules are the use cases' (src/app/assessmentYear.ts); the pane's components import them from here.
export type { AssessmentYearSource, AssessmentYearState } from '../../app/assessmentYear';
export { isValidAssessmentYear, parseAssessmentYear, titleYearOf } from '../../app/assessmentYear';

/** A message of the pane (src/app/errors.ts: the same words from every button). */
export type PaneMessage = UserMessage;
export { describeError };

export interface PaneState {
  status: PaneStatus;
  busy: boolean;
  analysis: WorkbookAnalysis | null;
  view: PaneView | null;
  error: PaneMessage | null;
  /** A one-line success note ("Đã ghi 40 ô công thức…"), announced politely. */
  notice: string | null;
  highlights: boolean;
  /** A write of this pane can be reverted. */
  canRevert: boolean;
  lastWrite: ApplyReport | null;
  /** Appraiser's mode shown (offered when a sheet has an appraised column). */
  appraiserMode: boolean;
  /** The assessment year of the evidence-out-of-period check, and where it came from. */
  assessmentYear: AssessmentYearState;
  /** The user's choice of column per role ("Cách đọc bảng") in use; null: every table read automatically. */
  columnChoices: ColumnChoices | null;
  /** The choice could not be read from, or kept in, the workbook: said once, in "Cách đọc bảng". */
  choicesWarning: string | null;
  /** Bumped on every completed analysis (tests and "checked at" use it). */
  runs: number;
  lastRunAt: Date | null;
}

export interface PaneControllerOptions {
  /** Quiet time after the last edit before re-running (ms). */
  debounceMs?: number;
  /** Edits reported this long after the pane's own write are its echo and ignored (ms). */
  ownWriteQuietMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
  /** The Word renderer; by default src/docx loaded on first use, in its own chunk. */
  renderDocx?: (doc: ReportDocument) => Promise<Uint8Array>;
  /** The report builder; by default its own small chunk, fetched once the first result is shown. */
  loadReport?: () => Promise<ReportModule>;
}

/** What the page can do with a file made in the pane (feature detection, read from `window`). */
export interface FileSaveEnv {
  /** `<a download>` is supported and object URLs can be made. */
  anchorDownload: boolean;
  /** navigator.msSaveOrOpenBlob (the EdgeHTML webview of older Excel). */
  msSaveBlob: boolean;
  userAgent: string;
}

/**
 * Whether "Báo cáo (.docx)" can hand the user a file here. Browser mode: yes. In Excel the pane is a
 * webview: WebView2 and EdgeHTML save downloads; the macOS/iPad webview (WKWebView, no "Safari/" in
 * its user agent) silently ignores them, so there the report text goes to the clipboard instead.
 */
export function canSaveFiles(kind: HostKind, env: FileSaveEnv): boolean {
  if (env.msSaveBlob) return true;
  if (!env.anchorDownload) return false;
  if (kind === 'browser') return true;
  return !(/Macintosh|iPad|iPhone/.test(env.userAgent) && !/Safari\//.test(env.userAgent));
}

/** The sheet rules' builder (Excel from ExcelApi 1.8 installs the rules): it arrives with the first write, off the first load. */
function loadSheetRulesBuilder(): Promise<BuildSheetRules> {
  return import(/* webpackChunkName: "sheet-rules" */ '../../core/sheetRulesBuilder').then((m) => m.buildSheetRules);
}

/** The appraiser's fill (one button of the appraiser's mode): fetched when pressed, off the first load. */
function loadFill(): Promise<typeof import('../../app/fillAndRecalculate').fillAndRecalculate> {
  return import(/* webpackChunkName: "fill" */ '../../app/fillAndRecalculate').then((m) => m.fillAndRecalculate);
}

type ReportModule = typeof import('../../core/selfAssessmentReport');

function loadReportModule(): Promise<ReportModule> {
  return import(/* webpackChunkName: "report" */ '../../core/selfAssessmentReport');
}

function loadDocxRenderer(doc: ReportDocument): Promise<Uint8Array> {
  return import(/* webpackChunkName: "docx" */ '../../docx/selfAssessmentDocx').then((m) => m.reportDocxBytes(doc));
}

export class PaneController {
  private state: PaneState;
  private listeners: Array<() => void> = [];
  private readonly debounceMs: number;
  private readonly ownWriteQuietMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;
  private readonly renderDocx: (doc: ReportDocument) => Promise<Uint8Array>;
  private readonly loadReport: () => Promise<ReportModule>;
  /** The report builder once loaded: then the copy fallback runs within the user's click. */
  private reportModule: ReportModule | null = null;
  private reportLoading: Promise<ReportModule> | null = null;
  private timer: unknown = null;
  private ownWriteUntil = 0;
  private rerunAfterBusy = false;
  private unsubscribeEdits: (() => void) | null = null;
  private disposed = false;
  private grid: WorkbookGrid | null = null;
  /** The year the user set in the pane; null: the title rows' year. */
  private userYear: number | null = null;
  /** The year was changed while a run was busy: re-check the grid it leaves. */
  private reshowAfterBusy = false;
  /** The user's choice of columns; read from the workbook once, before the first read of the grid. */
  private choices: ColumnChoices | null = null;
  private choicesLoaded = false;
  private choiceEdits = 0;
  /** A failure of the choice's store is told once per pane, not at every re-run. */
  private choicesWarned = false;
  /** Saves of the choice one after the other, so the last pick is the one kept. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    readonly host: WorkbookHost,
    readonly lang: Lang,
    options: PaneControllerOptions = {},
  ) {
    this.debounceMs = options.debounceMs !== undefined ? options.debounceMs : 800;
    this.ownWriteQuietMs = options.ownWriteQuietMs !== undefined ? options.ownWriteQuietMs : 1500;
    this.setTimer = options.setTimer || ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer || ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.now = options.now || (() => Date.now());
    this.renderDocx = options.renderDocx || loadDocxRenderer;
    this.loadReport = options.loadReport || loadReportModule;
    this.state = {
      status: 'idle',
      busy: false,
      analysis: null,
      view: null,
      error: null,
      notice: null,
      highlights: true,
      canRevert: false,
      lastWrite: null,
      appraiserMode: false,
      assessmentYear: yearState(null, null),
      columnChoices: null,
      choicesWarning: null,
      runs: 0,
      lastRunAt: null,
    };
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  };

  private set(patch: Partial<PaneState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners.slice()) l();
  }

  /** First analysis and the edit subscription. */
  start(): Promise<void> {
    if (this.host.onUserEdit && !this.unsubscribeEdits) this.unsubscribeEdits = this.host.onUserEdit(() => this.userEdited());
    return this.analyse();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (this.unsubscribeEdits) this.unsubscribeEdits();
    this.unsubscribeEdits = null;
    this.listeners = [];
  }

  /** An edit in a scoring sheet: re-run once the user pauses; never for the pane's own write. */
  userEdited(): void {
    if (this.disposed) return;
    if (this.now() < this.ownWriteUntil) return;
    if (this.state.busy && this.state.status === 'writing') return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (this.state.busy) this.rerunAfterBusy = true;
      else void this.analyse();
    }, this.debounceMs);
  }

  private show(analysis: WorkbookAnalysis, grid: WorkbookGrid, patch: Partial<PaneState>): void {
    this.grid = grid;
    // The report builder arrives after the first result, off the pane's first load.
    if (!this.reportModule && !this.reportLoading) this.reportBuilder().catch(() => undefined);
    this.set({
      analysis,
      view: buildPaneView(analysis, this.lang, this.reportModule ? this.reportModule.reportText : undefined),
      assessmentYear: yearState(this.userYear, titleYearOf(analysis)),
      runs: this.state.runs + 1,
      lastRunAt: new Date(this.now()),
      ...patch,
    });
  }

  private async run(status: PaneStatus, work: () => Promise<Partial<PaneState> | void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ status, busy: true, error: null, notice: null });
    try {
      const patch = await work();
      this.set({ status: 'idle', busy: false, ...(patch || {}) });
    } catch (error) {
      this.set({ status: 'idle', busy: false, error: describeError(error, this.lang) });
    }
    if (this.rerunAfterBusy && !this.disposed) {
      this.rerunAfterBusy = false;
      this.reshowAfterBusy = false;
      await this.analyse();
    } else if (this.reshowAfterBusy && !this.disposed) {
      this.reshowAfterBusy = false;
      this.reanalyse();
    }
  }

  /** Every analysis of the pane goes through here, so the user's assessment year applies to all of them. */
  private analyseOptions(): AnalyseOptions {
    return analyseOptionsOf(this.choices, this.userYear);
  }

  /** What the pane hands the use cases: its own choice of columns (never the host's again) and year. */
  private reading(): { columns: ColumnChoices | null; assessmentYear: number | null } {
    return { columns: this.choices, assessmentYear: this.userYear };
  }

  /**
   * The choice of columns kept in the workbook, read once before the first read of the grid. A choice
   * that cannot be read leaves the tables read automatically, and says so once.
   */
  private async loadChoices(): Promise<void> {
    if (this.choicesLoaded) return;
    this.choicesLoaded = true;
    const edits = this.choiceEdits;
    const stored = await readStoredChoices(this.host);
    if (stored.unreadable) this.warnChoices('readingChoicesUnreadable');
    // A pick the user made while the stored choice was on its way wins over it.
    if (edits === this.choiceEdits) {
      this.choices = stored.columns;
      this.set({ columnChoices: this.choices });
    }
  }

  private async readGrid(): Promise<WorkbookGrid> {
    await this.loadChoices();
    return this.host.readWorkbook();
  }

  /** The pane's own writes: their change events are not the user's edits. */
  private async ownWrite<T>(work: () => Promise<T>): Promise<T> {
    this.ownWriteUntil = Number.POSITIVE_INFINITY;
    try {
      return await work();
    } finally {
      this.ownWriteUntil = this.now() + this.ownWriteQuietMs;
    }
  }

  private warnChoices(key: 'readingChoicesUnreadable' | 'readingChoicesUnsaved'): void {
    if (this.choicesWarned) return;
    this.choicesWarned = true;
    this.set({ choicesWarning: paneText(key, this.lang) });
  }

  dismissChoicesWarning(): void {
    this.set({ choicesWarning: null });
  }

  /**
   * "Cách đọc bảng": the user picks the column of a role in a sheet (a 0-based column, null for "Không
   * có", undefined for automatic). The grid already read is scored again (no read, no write) and the
   * choice is kept in the workbook. Refused (false) for an invalid column or before any analysis.
   */
  setColumn(sheet: string, role: ColumnRole, pick: ColumnPick): boolean {
    if (this.disposed || !isValidPick(pick)) return false;
    const analysis = this.state.analysis;
    const readings = analysis ? readingsOf(analysis.sheets, sheet) : [];
    this.changeChoices(withPick(this.choices, sheet, role, pick, readings));
    return true;
  }

  /** "Đặt lại": the sheet's tables read automatically again. */
  resetColumns(sheet: string): void {
    if (this.disposed) return;
    this.changeChoices(withoutSheet(this.choices, sheet));
  }

  private changeChoices(next: ColumnChoices | null): void {
    this.choices = next;
    this.choiceEdits++;
    this.set({ columnChoices: next });
    if (this.state.busy) this.reshowAfterBusy = true;
    else this.reanalyse();
    const kept = next;
    this.saving = this.saving.then(() => this.host.saveColumnChoices(kept)).catch(() => this.warnChoices('readingChoicesUnsaved'));
  }

  /** Resolves once every choice made so far has been handed to the host (tests, and before closing). */
  choicesSaved(): Promise<void> {
    return this.saving;
  }

  /**
   * The user sets the assessment year (null: back to the title rows' year). The grid last read or
   * written is checked again; the workbook is neither read nor written. A year outside 2000–2100 is
   * refused (false) and changes nothing.
   */
  setAssessmentYear(year: number | null): boolean {
    if (this.disposed) return false;
    if (year !== null && !isValidAssessmentYear(year)) return false;
    this.userYear = year;
    if (this.state.busy) this.reshowAfterBusy = true;
    else this.reanalyse();
    return true;
  }

  /** Re-checks the last grid with the current options (no host call); before any read, only the year shown changes. */
  private reanalyse(): void {
    const grid = this.grid;
    if (!grid) {
      this.set({ assessmentYear: yearState(this.userYear, this.state.assessmentYear.titleYear) });
      return;
    }
    try {
      this.show(analyseWorkbook(grid, this.analyseOptions()), grid, {});
    } catch (error) {
      this.set({ error: describeError(error, this.lang) });
    }
  }

  /** Reads and checks without writing; a write saved in the workbook earlier can still be reverted. */
  analyse(): Promise<void> {
    return this.run('reading', async () => {
      const grid = await this.readGrid();
      const patch: Partial<PaneState> = this.host.canRevert ? { canRevert: this.host.canRevert() } : {};
      this.show(analyseWorkbook(grid, this.analyseOptions()), grid, patch);
    });
  }

  /**
   * "Tính lại điểm" (src/app/recalculate.ts): one read, one write; the result shown is the plan applied
   * to that read. No scoring table: nothing is written, and the pane says so.
   */
  recalculate(): Promise<void> {
    return this.run('writing', async () => {
      await this.loadChoices();
      const buildSheetRules = await loadSheetRulesBuilder();
      const r = await this.ownWrite(() => recalculate(this.host, { ...this.reading(), lang: this.lang, highlights: this.state.highlights, buildSheetRules }));
      this.show(r.analysis, r.grid, {});
      if (!r.written) return { error: { text: paneText('noTable', this.lang) } };
      const report = r.report!;
      return {
        canRevert: true,
        lastWrite: report,
        notice: paneText('written', this.lang, { written: report.written, highlighted: report.highlighted }),
      };
    });
  }

  /** Shows or hides the appraiser's mode (the fill button); nothing is written by switching it. */
  setAppraiserMode(on: boolean): void {
    this.set({ appraiserMode: on });
  }

  /**
   * Appraiser's mode: "Điền điểm thẩm định từ điểm tự chấm (chỉ ô trống)" (src/app/fillAndRecalculate.ts).
   * One read, then one write that holds both the fill (self-scores copied into the empty appraised cells
   * only) and the recalculation of the filled workbook, so a single revert undoes both. Nothing to fill:
   * nothing is written.
   */
  fillAppraised(): Promise<void> {
    return this.run('writing', async () => {
      await this.loadChoices();
      const [buildSheetRules, fillAndRecalculate] = await Promise.all([loadSheetRulesBuilder(), loadFill()]);
      const r = await this.ownWrite(() => fillAndRecalculate(this.host, { ...this.reading(), lang: this.lang, highlights: this.state.highlights, buildSheetRules }));
      this.show(r.analysis, r.grid, {});
      if (r.noTable) return { error: { text: paneText('noTable', this.lang) } };
      if (!r.written) return { notice: paneText('fillNothing', this.lang) };
      return {
        canRevert: true,
        lastWrite: r.report!,
        notice: paneText('filled', this.lang, { cells: r.fill.cells, criteria: r.fill.criteria }),
      };
    });
  }

  /** "Hoàn tác lần ghi gần nhất" (src/app/revert.ts), then the restored workbook read and shown. */
  revert(): Promise<void> {
    return this.run('reverting', async () => {
      await this.loadChoices();
      const r = await this.ownWrite(() => revert(this.host, { ...this.reading(), reread: true }));
      this.show(r.analysis!, r.grid!, {});
      if (r.nothingToRevert) return { canRevert: false, error: { text: hostErrorText('nothing-to-revert', this.lang) } };
      return { canRevert: false, lastWrite: null, notice: paneText('reverted', this.lang, { restored: r.restored }) };
    });
  }

  /** Highlights off removes the tool's fills now; on applies to the next write (and repaints if one was made). */
  setHighlights(on: boolean): Promise<void> {
    this.set({ highlights: on });
    if (!on) {
      return this.run('highlighting', async () => {
        const count = await this.ownWrite(() => clearHighlights(this.host));
        return { notice: count > 0 ? paneText('highlightsCleared', this.lang, { count }) : null };
      });
    }
    if (this.state.canRevert) return this.recalculate();
    return Promise.resolve();
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.host.selectCell(sheet, address).catch((error) => {
      this.set({ error: describeError(error, this.lang) });
    });
  }

  /** Copies section II; `write` is the clipboard (navigator.clipboard, or a textarea fallback). */
  async copyReport(write: (text: string) => Promise<void>): Promise<boolean> {
    const view = this.state.view;
    const analysis = this.state.analysis;
    if (!view || !analysis) return false;
    try {
      // Loaded after the first result, so within the user's click as a rule; fetched here otherwise.
      const report = this.reportModule || (await this.reportBuilder());
      await write(view.report || report.reportText(analysis, this.lang));
      this.set({ notice: paneText('copied', this.lang), error: null });
      return true;
    } catch {
      this.set({ error: { text: paneText('copyFailed', this.lang) } });
      return false;
    }
  }

  /**
   * "Báo cáo (.docx)" (src/app/report.ts): the self-assessment report as a Word file handed to `save`;
   * where the host cannot save files (`save` null) or the download fails, the report's text goes to the
   * clipboard. With the builder loaded, the copy is asked for before any await, so the browser still
   * sees the user's click.
   */
  saveReport(save: ((fileName: string, bytes: Uint8Array) => void) | null, copy: (text: string) => Promise<void>): Promise<void> {
    const analysis = this.state.analysis;
    if (!analysis) return Promise.resolve();
    return this.run('reporting', async () => {
      const report = this.reportModule || (await this.reportBuilder());
      const delivered = await deliverReport(analysis, this.lang, report, { save, renderDocx: this.renderDocx, copy });
      if (delivered.kind === 'saved') return { notice: paneText('reportSaved', this.lang, { file: delivered.fileName }) };
      if (delivered.kind === 'copied') return { notice: paneText('reportCopied', this.lang) };
      return { error: { text: paneText('copyFailed', this.lang) } };
    });
  }

  /** Loads the report builder once (a failed load is retried on the next call). */
  private reportBuilder(): Promise<ReportModule> {
    if (!this.reportLoading) {
      this.reportLoading = this.loadReport().then(
        (m) => {
          this.reportModule = m;
          // The view shown before the report chunk arrived gets its section II now.
          const analysis = this.state.analysis;
          if (analysis && this.state.view && !this.disposed) this.set({ view: buildPaneView(analysis, this.lang, m.reportText) });
          return m;
        },
        (error) => {
          this.reportLoading = null;
          throw error;
        },
      );
    }
    return this.reportLoading;
  }

  /** Browser mode: after opening another file, start over (its own title rows give its year). */
  reset(): Promise<void> {
    this.userYear = null;
    // The host keeps a choice per open file: the new file's (none yet) is read before its first analysis.
    this.choices = null;
    this.choicesLoaded = false;
    this.set({ canRevert: false, lastWrite: null, notice: null, error: null });
    return this.analyse();
  }

  dismissError(): void {
    this.set({ error: null });
  }

  showError(error: unknown): void {
    this.set({ error: describeError(error, this.lang) });
  }

  showNotice(text: string): void {
    this.set({ notice: text });
  }

  /** The grid last read (or written), for tests and previews. */
  lastGrid(): WorkbookGrid | null {
    return this.grid;
  }
}
