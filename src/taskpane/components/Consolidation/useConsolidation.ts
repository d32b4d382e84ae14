import * as React from 'react';
import type { Consolidation, GroupThresholds } from '../../../core/consolidate/consolidate';
import { WorkbookHost } from '../../../core/host';
import { paneText } from '../../../core/messages/paneText';
import { Lang } from '../../../core/number/format';
import { describeError } from '../../model/paneController';
import { readFile, saveBytes } from '../ScorePane/browserFiles';
import { ConsolidationState } from './Consolidation.types';

type Engine = typeof import('./consolidationEngine');

let engine: Promise<Engine> | null = null;

/** The consolidation code (and with it ExcelJS), fetched the first time files are chosen. */
function loadEngine(): Promise<Engine> {
  if (!engine) {
    engine = import(/* webpackChunkName: "consolidate" */ './consolidationEngine');
    // A failed chunk load (network) may be retried with the next choice.
    engine.catch(() => (engine = null));
  }
  return engine;
}

export const CONSOLIDATION_FILE_NAME = 'TONG-HOP.xlsx';

export interface ConsolidationApi {
  state: ConsolidationState;
  /** Excel: the result can be written into the open workbook as new sheets. */
  canWrite: boolean;
  /** Browser: the result can be downloaded as a new workbook. */
  canDownload: boolean;
  busy: boolean;
  choose: (files: File[]) => void;
  /** Ranks the same files again with other group thresholds. */
  regroup: (groups: GroupThresholds) => void;
  download: () => void;
  writeToWorkbook: () => void;
  dismiss: () => void;
}

const INITIAL: ConsolidationState = { phase: 'idle', done: 0, total: 0, current: '', view: null, saving: false, error: null, notice: null };

/** State and actions of the "Tổng hợp nhiều xã" section: read the files with progress, rank, then download or write. */
export function useConsolidation(host: WorkbookHost, lang: Lang): ConsolidationApi {
  const [state, setState] = React.useState<ConsolidationState>(INITIAL);
  // The chosen files are kept so other thresholds can rank them again; the result for download or write.
  const files = React.useRef<Array<{ name: string; bytes: Uint8Array }>>([]);
  const result = React.useRef<Consolidation | null>(null);
  const runId = React.useRef(0);
  const patch = React.useCallback((p: Partial<ConsolidationState>) => setState((s) => ({ ...s, ...p })), []);

  const run = React.useCallback(
    async (groups: GroupThresholds | undefined) => {
      const id = ++runId.current;
      const list = files.current;
      result.current = null;
      patch({ phase: 'reading', done: 0, total: list.length, current: list.length ? list[0].name : '', view: null, error: null, notice: null });
      try {
        const e = await loadEngine();
        const c = await e.consolidateFiles(list, {
          groups,
          lang,
          // Called after each file: the one being read now is the next.
          onProgress: (done, total) => {
            if (id === runId.current) patch({ done, total, current: done < list.length ? list[done].name : '' });
          },
        });
        if (id !== runId.current) return;
        result.current = c;
        patch({ phase: 'done', done: list.length, current: '', view: e.consolidationView(c, lang) });
      } catch (error) {
        if (id === runId.current) patch({ phase: 'idle', error: describeError(error, lang) });
      }
    },
    [lang, patch],
  );

  const busy = state.phase === 'reading' || state.saving;

  const save = async (work: (c: Consolidation, e: Engine) => Promise<string>) => {
    const c = result.current;
    if (!c) return;
    patch({ saving: true, error: null, notice: null });
    try {
      const notice = await work(c, await loadEngine());
      patch({ saving: false, notice });
    } catch (error) {
      patch({ saving: false, error: describeError(error, lang) });
    }
  };

  return {
    state,
    canWrite: host.kind === 'excel' && typeof host.addSheets === 'function',
    canDownload: host.kind === 'browser',
    busy,
    choose: (chosen) => {
      if (!chosen.length) return;
      // Thresholds the user set for the shown ranking carry over to the next files.
      const groups = state.view ? state.view.groups : undefined;
      void (async () => {
        try {
          files.current = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await readFile(f) })));
        } catch (error) {
          patch({ error: describeError(error, lang) });
          return;
        }
        await run(groups);
      })();
    },
    regroup: (groups) => {
      if (files.current.length) void run(groups);
    },
    download: () =>
      void save(async (c, e) => {
        const bytes = await e.summarySheetsToXlsx(e.consolidationSheets(c, lang));
        saveBytes(CONSOLIDATION_FILE_NAME, bytes);
        return paneText('downloaded', lang, { file: CONSOLIDATION_FILE_NAME });
      }),
    writeToWorkbook: () =>
      void save(async (c, e) => {
        const names = await host.addSheets!(e.consolidationSheets(c, lang));
        return paneText('consolidateWritten', lang, { sheets: names.map((n) => '"' + n + '"').join(', ') });
      }),
    dismiss: () => patch({ error: null, notice: null }),
  };
}
