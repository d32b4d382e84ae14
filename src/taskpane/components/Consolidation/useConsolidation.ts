import * as React from 'react';
import { ConsolidationEngine, ConsolidationSession } from '../../../app/consolidationSession';
import type { GroupThresholds } from '../../../core/consolidate';
import { WorkbookHost } from '../../../core/host';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { describeError, PaneMessage } from '../../model/paneController';
import { readFile, saveBytes } from '../ScorePane/browserFiles';
import { ConsolidationState, ConsolidationView } from './Consolidation.types';

let engine: Promise<ConsolidationEngine<ConsolidationView>> | null = null;

/** The consolidation code (and with it the readers), fetched the first time files are chosen. */
function loadEngine(): Promise<ConsolidationEngine<ConsolidationView>> {
  if (!engine) {
    engine = import(/* webpackChunkName: "consolidate" */ './consolidationEngine');
    // A failed chunk load (network) may be retried with the next choice.
    engine.catch(() => (engine = null));
  }
  return engine;
}

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
  /** Stops the reading after the file being read. */
  cancel: () => void;
  download: () => void;
  writeToWorkbook: () => void;
  dismiss: () => void;
}

/** The "Tổng hợp nhiều xã" use case (src/app/consolidationSession.ts) for React: one session per host and language. */
export function useConsolidation(host: WorkbookHost, lang: Lang): ConsolidationApi {
  const session = React.useMemo(
    () =>
      new ConsolidationSession<ConsolidationView, PaneMessage>({
        lang,
        loadEngine,
        addSheets: host.kind === 'excel' && typeof host.addSheets === 'function' ? (sheets) => host.addSheets!(sheets) : undefined,
        saveBytes: host.kind === 'browser' ? saveBytes : undefined,
        readFile: (file) => readFile(file as File),
        describeError,
        downloadedNotice: (file) => paneText('downloaded', lang, { file }),
        writtenNotice: (names) => paneText('consolidateWritten', lang, { sheets: names.map((n) => '"' + n + '"').join(', ') }),
      }),
    [host, lang],
  );
  const [state, setState] = React.useState<ConsolidationState>(session.getState());
  React.useEffect(() => {
    setState(session.getState());
    return session.subscribe(() => setState(session.getState()));
  }, [session]);

  return {
    state,
    canWrite: session.canWrite,
    canDownload: session.canDownload,
    busy: session.busy,
    choose: (chosen) => void session.choose(chosen),
    regroup: (groups) => void session.regroup(groups),
    cancel: () => session.cancel(),
    download: () => void session.download(),
    writeToWorkbook: () => void session.writeToWorkbook(),
    dismiss: () => session.dismiss(),
  };
}
