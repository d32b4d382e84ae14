import { analyseWorkbook, WorkbookAnalysis } from '../../core/analyse';
import { WorkbookGrid } from '../../core/grid';
import { ApplyReport, isHostError, WorkbookHost } from '../../core/host';
import { hostErrorText, paneText } from '../../core/messages/paneText';
import { Lang } from '../../core/number/format';
import { applyPlanToGrid } from '../../core/plan/applyToGrid';
import { buildPaneView, PaneView } from './paneModel';

/**
 * The pane's state machine, free of React so it is tested with a fake host: read → analyse →
 * show; recalculate = one read and one write (Excel: two syncs), the shown result then comes from
 * applying the plan to the grid already read, not from a third read; revert; highlights on/off;
 * a debounced re-run when the user edits a scoring sheet, ignoring the pane's own writes.
 */

export type PaneStatus = 'idle' | 'reading' | 'writing' | 'reverting' | 'highlighting';

export interface PaneMessage {
  text: string;
  detail?: string;
}

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
}

/** Any failure in words for the official; host text only as the details line. */
export function describeError(error: unknown, lang: Lang): PaneMessage {
  if (isHostError(error)) {
    const m: PaneMessage = { text: hostErrorText(error.code, lang, error.sheet) };
    if (error.detail) m.detail = error.detail;
    return m;
  }
  const e = error as { messageVi?: unknown; messageEn?: unknown; message?: unknown; detail?: unknown };
  if (e && typeof e.messageVi === 'string' && typeof e.messageEn === 'string') {
    const m: PaneMessage = { text: lang === 'vi' ? e.messageVi : e.messageEn };
    if (typeof e.detail === 'string') m.detail = e.detail;
    return m;
  }
  const m: PaneMessage = { text: hostErrorText('unknown', lang) };
  if (e && typeof e.message === 'string') m.detail = e.message;
  else if (error !== undefined && error !== null) m.detail = String(error);
  return m;
}

export class PaneController {
  private state: PaneState;
  private listeners: Array<() => void> = [];
  private readonly debounceMs: number;
  private readonly ownWriteQuietMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;
  private timer: unknown = null;
  private ownWriteUntil = 0;
  private rerunAfterBusy = false;
  private unsubscribeEdits: (() => void) | null = null;
  private disposed = false;
  private grid: WorkbookGrid | null = null;

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
    this.set({
      analysis,
      view: buildPaneView(analysis, this.lang),
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
      await this.analyse();
    }
  }

  /** Reads and checks without writing; a write saved in the workbook earlier can still be reverted. */
  analyse(): Promise<void> {
    return this.run('reading', async () => {
      const grid = await this.host.readWorkbook();
      const patch: Partial<PaneState> = this.host.canRevert ? { canRevert: this.host.canRevert() } : {};
      this.show(analyseWorkbook(grid, { lang: this.lang }), grid, patch);
    });
  }

  /** "Tính lại điểm": one read, one write; the result shown is the plan applied to that read. */
  recalculate(): Promise<void> {
    return this.run('writing', async () => {
      const grid = await this.host.readWorkbook();
      const analysis = analyseWorkbook(grid, { lang: this.lang });
      this.ownWriteUntil = Number.POSITIVE_INFINITY;
      let report: ApplyReport;
      try {
        report = await this.host.applyPlan(analysis.plan, { highlights: this.state.highlights });
      } finally {
        this.ownWriteUntil = this.now() + this.ownWriteQuietMs;
      }
      const after = applyPlanToGrid(grid, analysis.plan);
      this.show(analyseWorkbook(after, { lang: this.lang }), after, {});
      return {
        canRevert: true,
        lastWrite: report,
        notice: paneText('written', this.lang, { written: report.written, highlighted: report.highlighted }),
      };
    });
  }

  revert(): Promise<void> {
    return this.run('reverting', async () => {
      this.ownWriteUntil = Number.POSITIVE_INFINITY;
      let restored: number;
      try {
        restored = (await this.host.revertLastWrite()).restored;
      } finally {
        this.ownWriteUntil = this.now() + this.ownWriteQuietMs;
      }
      const grid = await this.host.readWorkbook();
      this.show(analyseWorkbook(grid, { lang: this.lang }), grid, {});
      if (restored === 0) return { canRevert: false, error: { text: hostErrorText('nothing-to-revert', this.lang) } };
      return { canRevert: false, lastWrite: null, notice: paneText('reverted', this.lang, { restored }) };
    });
  }

  /** Highlights off removes the tool's fills now; on applies to the next write (and repaints if one was made). */
  setHighlights(on: boolean): Promise<void> {
    this.set({ highlights: on });
    if (!on) {
      return this.run('highlighting', async () => {
        this.ownWriteUntil = Number.POSITIVE_INFINITY;
        try {
          const count = await this.host.clearHighlights();
          return { notice: count > 0 ? paneText('highlightsCleared', this.lang, { count }) : null };
        } finally {
          this.ownWriteUntil = this.now() + this.ownWriteQuietMs;
        }
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
    if (!view) return false;
    try {
      await write(view.report);
      this.set({ notice: paneText('copied', this.lang), error: null });
      return true;
    } catch {
      this.set({ error: { text: paneText('copyFailed', this.lang) } });
      return false;
    }
  }

  /** Browser mode: after opening another file, start over. */
  reset(): Promise<void> {
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
