import type { Consolidation, GroupThresholds } from '../core/consolidate';
import type { Lang } from '../core/number';
import type { SummarySheet } from '../core/plan';

/**
 * The district's "Tổng hợp nhiều xã" as a use case, free of React and of any host: choose files, read
 * them with progress, rank, rank again with other thresholds, cancel, then download the result or
 * write it into the open workbook. The pane's hook only renders this state; a test drives it directly.
 *
 * Generic over the view (the pane's formatted table) and the message (the pane's error shape), so this
 * layer needs nothing from the pane.
 */

export type ConsolidationPhase = 'idle' | 'reading' | 'done';

export interface ConsolidationSessionState<View, Message> {
  phase: ConsolidationPhase;
  /** Files read so far and in all, and the one being read (progress). */
  done: number;
  total: number;
  current: string;
  view: View | null;
  /** Writing the sheets or preparing the download. */
  saving: boolean;
  error: Message | null;
  notice: string | null;
}

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface ConsolidateOptions {
  groups?: GroupThresholds;
  lang: Lang;
  onProgress?: (done: number, total: number, fileName: string) => void;
  /** Asked between files: true stops the reading (the run was cancelled or replaced). */
  shouldStop?: () => boolean;
}

/** What the session needs of the consolidation code, which the pane loads lazily (it brings the readers). */
export interface ConsolidationEngine<View> {
  consolidateFiles(files: ChosenFile[], options: ConsolidateOptions): Promise<Consolidation>;
  consolidationSheets(c: Consolidation, lang: Lang): SummarySheet[];
  summarySheetsToXlsx(sheets: SummarySheet[]): Promise<Uint8Array>;
  consolidationView(c: Consolidation, lang: Lang): View;
}

export interface ConsolidationSessionDeps<View, Message> {
  lang: Lang;
  loadEngine: () => Promise<ConsolidationEngine<View>>;
  /** Excel: the result's sheets added to the open workbook; returns the names they got. Absent: not offered. */
  addSheets?: (sheets: SummarySheet[]) => Promise<string[]>;
  /** Browser: hands the bytes to the user as a file. Absent: not offered. */
  saveBytes?: (fileName: string, bytes: Uint8Array) => void;
  /** Reads a chosen file (the browser's File); failures become the session's error. */
  readFile: (file: { name: string }) => Promise<Uint8Array>;
  describeError: (error: unknown, lang: Lang) => Message;
  /** The notices after saving, in the user's language. */
  downloadedNotice: (fileName: string) => string;
  writtenNotice: (sheetNames: string[]) => string;
}

export const CONSOLIDATION_FILE_NAME = 'TONG-HOP.xlsx';

export class ConsolidationSession<View, Message> {
  private state: ConsolidationSessionState<View, Message> = {
    phase: 'idle',
    done: 0,
    total: 0,
    current: '',
    view: null,
    saving: false,
    error: null,
    notice: null,
  };
  private listeners: Array<() => void> = [];
  /** The chosen files, kept so other thresholds can rank them again. */
  private files: ChosenFile[] = [];
  private result: Consolidation | null = null;
  /** The thresholds of the last ranking: they carry over to the next files chosen. */
  private groups: GroupThresholds | undefined = undefined;
  /** Each run has an id; a cancelled or replaced run's late progress and result are ignored. */
  private runId = 0;

  constructor(private readonly deps: ConsolidationSessionDeps<View, Message>) {}

  getState(): ConsolidationSessionState<View, Message> {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  get canWrite(): boolean {
    return typeof this.deps.addSheets === 'function';
  }

  get canDownload(): boolean {
    return typeof this.deps.saveBytes === 'function';
  }

  get busy(): boolean {
    return this.state.phase === 'reading' || this.state.saving;
  }

  /** Reads the chosen files, then ranks them. Choosing again replaces a run still reading. */
  async choose(chosen: Array<{ name: string }>): Promise<void> {
    if (!chosen.length) return;
    let files: ChosenFile[];
    try {
      const read: Array<Promise<ChosenFile>> = [];
      for (let i = 0; i < chosen.length; i++) read.push(this.readOne(chosen[i]));
      files = await Promise.all(read);
    } catch (error) {
      this.patch({ error: this.deps.describeError(error, this.deps.lang) });
      return;
    }
    this.files = files;
    await this.run(this.groups);
  }

  /** Ranks the same files again with other group thresholds. */
  async regroup(groups: GroupThresholds): Promise<void> {
    if (this.files.length) await this.run(groups);
  }

  /** Stops a reading in progress after the current file; the earlier result, if any, is not restored. */
  cancel(): void {
    if (this.state.phase !== 'reading') return;
    this.runId++;
    this.patch({ phase: 'idle', done: 0, total: 0, current: '' });
  }

  async download(): Promise<void> {
    const saveBytes = this.deps.saveBytes;
    if (!saveBytes) return;
    await this.save(async (c, engine) => {
      const bytes = await engine.summarySheetsToXlsx(engine.consolidationSheets(c, this.deps.lang));
      saveBytes(CONSOLIDATION_FILE_NAME, bytes);
      return this.deps.downloadedNotice(CONSOLIDATION_FILE_NAME);
    });
  }

  async writeToWorkbook(): Promise<void> {
    const addSheets = this.deps.addSheets;
    if (!addSheets) return;
    await this.save(async (c, engine) => this.deps.writtenNotice(await addSheets(engine.consolidationSheets(c, this.deps.lang))));
  }

  dismiss(): void {
    this.patch({ error: null, notice: null });
  }

  private async readOne(file: { name: string }): Promise<ChosenFile> {
    return { name: file.name, bytes: await this.deps.readFile(file) };
  }

  private async run(groups: GroupThresholds | undefined): Promise<void> {
    const id = ++this.runId;
    const list = this.files;
    const lang = this.deps.lang;
    this.result = null;
    this.patch({ phase: 'reading', done: 0, total: list.length, current: list.length ? list[0].name : '', view: null, error: null, notice: null });
    try {
      const engine = await this.deps.loadEngine();
      if (id !== this.runId) return;
      const c = await engine.consolidateFiles(list, {
        groups,
        lang,
        // Called after each file: the one being read now is the next.
        onProgress: (done, total) => {
          if (id === this.runId) this.patch({ done, total, current: done < list.length ? list[done].name : '' });
        },
        shouldStop: () => id !== this.runId,
      });
      if (id !== this.runId) return;
      this.result = c;
      this.groups = groups;
      const view = engine.consolidationView(c, lang);
      this.patch({ phase: 'done', done: list.length, current: '', view });
    } catch (error) {
      if (id === this.runId) this.patch({ phase: 'idle', error: this.deps.describeError(error, lang) });
    }
  }

  private async save(work: (c: Consolidation, engine: ConsolidationEngine<View>) => Promise<string>): Promise<void> {
    const c = this.result;
    if (!c || this.state.saving) return;
    this.patch({ saving: true, error: null, notice: null });
    try {
      const notice = await work(c, await this.deps.loadEngine());
      this.patch({ saving: false, notice });
    } catch (error) {
      this.patch({ saving: false, error: this.deps.describeError(error, this.deps.lang) });
    }
  }

  private patch(p: Partial<ConsolidationSessionState<View, Message>>): void {
    const next = {} as ConsolidationSessionState<View, Message>;
    const current = this.state as unknown as Record<string, unknown>;
    const changes = p as unknown as Record<string, unknown>;
    for (const key in current) if (Object.prototype.hasOwnProperty.call(current, key)) (next as unknown as Record<string, unknown>)[key] = current[key];
    for (const key in changes) if (Object.prototype.hasOwnProperty.call(changes, key)) (next as unknown as Record<string, unknown>)[key] = changes[key];
    this.state = next;
    const listeners = this.listeners.slice();
    for (let i = 0; i < listeners.length; i++) listeners[i]();
  }
}
