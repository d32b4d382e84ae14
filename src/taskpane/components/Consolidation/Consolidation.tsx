import * as React from 'react';
import { Badge, Button, Caption1, Label, ProgressBar, Subtitle2, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentMultipleRegular, TableAddRegular } from '@fluentui/react-icons';
import { paneText } from '../../../core/messages';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useConsolidationStyles } from './Consolidation.styles';
import { ConsolidationKit, ConsolidationProps } from './Consolidation.types';
import { BarChart } from '../Charts/BarChart';
import { useConsolidation } from './useConsolidation';

// The result (ranking table and chart, thresholds, files not used) appears only once files are read: it
// comes in the consolidation's chunk with the engine, and takes its Fluent parts from here.
const ConsolidationResult = React.lazy(() => import(/* webpackChunkName: "consolidate" */ './ConsolidationResult').then((m) => ({ default: m.ConsolidationResult })));
const KIT: Omit<ConsolidationKit, 'thresholdClass'> = { Badge, Button, Label, Text, BarChart, downloadIcon: <ArrowDownloadRegular />, writeIcon: <TableAddRegular /> };

/**
 * "Tổng hợp nhiều xã": choose many communes' workbooks at once (in Excel's pane as in the browser),
 * follow the reading ("Đã đọc n/N tệp"), see the ranking and the files that could not be used; then
 * download the consolidation workbook (browser) or add it to the open workbook as new sheets (Excel).
 * The reading and ranking code (and ExcelJS) load only once files are chosen (useConsolidation).
 */
export function ConsolidationSection({ host, lang }: ConsolidationProps): JSX.Element {
  const s = useConsolidationStyles();
  const c = useConsolidation(host, lang);
  const input = React.useRef<HTMLInputElement>(null);
  const { state } = c;
  const kit = React.useMemo(() => ({ ...KIT, thresholdClass: s.threshold }), [s.threshold]);
  const progress = paneText('consolidateProgress', lang, { done: state.done, total: state.total });

  return (
    <section className={s.section} aria-labelledby="cchc-consolidate">
      <Subtitle2 as="h2" id="cchc-consolidate">
        {paneText('consolidateHeading', lang)}
      </Subtitle2>
      <Caption1 className={s.muted}>{paneText('consolidateIntro', lang)}</Caption1>

      <div className={s.bar}>
        <input
          ref={input}
          className={s.hidden}
          type="file"
          multiple
          accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          aria-label={paneText('consolidateChooseHint', lang)}
          data-testid="consolidate-input"
          tabIndex={-1}
          onChange={(e) => {
            const chosen: File[] = e.target.files ? Array.prototype.slice.call(e.target.files) : [];
            e.target.value = '';
            c.choose(chosen);
          }}
        />
        <Button icon={<DocumentMultipleRegular />} disabled={c.busy} onClick={() => input.current && input.current.click()}>
          {paneText('consolidateChoose', lang)}
        </Button>
      </div>

      <div className={s.progress} role="status" aria-live="polite">
        {state.phase === 'reading' ? (
          <>
            <ProgressBar value={state.total ? state.done / state.total : 0} max={1} thickness="medium" aria-label={progress} />
            <Text data-testid="consolidate-progress">{progress}</Text>
            {state.current ? <Caption1 className={s.muted}>{paneText('consolidateCurrent', lang, { file: state.current })}</Caption1> : null}
            <Button size="small" onClick={c.cancel} data-testid="consolidate-cancel">
              {paneText('consolidateCancel', lang)}
            </Button>
          </>
        ) : null}
        {state.saving ? <ProgressBar thickness="medium" aria-label={paneText('working', lang)} /> : null}
      </div>

      <ErrorBar error={state.error} notice={c.busy ? null : state.notice} lang={lang} onDismiss={c.dismiss} />

      {state.view ? (
        <React.Suspense fallback={<ProgressBar thickness="medium" aria-label={paneText('working', lang)} />}>
          <ConsolidationResult
            kit={kit}
            view={state.view}
            lang={lang}
            busy={c.busy}
            canDownload={c.canDownload}
            canWrite={c.canWrite}
            onRegroup={c.regroup}
            onDownload={c.download}
            onWrite={c.writeToWorkbook}
          />
        </React.Suspense>
      ) : null}
    </section>
  );
}
