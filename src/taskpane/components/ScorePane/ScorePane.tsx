import * as React from 'react';
import { Caption1, ProgressBar, Subtitle1, Subtitle2, Text } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Actions } from '../Actions/Actions';
import { AssessmentYear } from '../AssessmentYear/AssessmentYear';
import { AppraiserMode } from '../DifferenceList/AppraiserMode';
import { DifferenceList } from '../DifferenceList/DifferenceList';
import { ConsolidationSection } from '../Consolidation/Consolidation';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { FieldTable } from '../FieldTable/FieldTable';
import { FlagList } from '../FlagList/FlagList';
import { StandaloneBar } from '../StandaloneBar/StandaloneBar';
import { TableReadingSection } from '../TableReading/TableReadingSection';
import { readFile, saveBytes } from './browserFiles';
import { useScorePaneStyles } from './ScorePane.styles';
import { CellPreviewData, ScorePaneProps } from './ScorePane.types';
import { useScorePane, writeClipboard } from './useScorePane';
import { canSaveFiles } from '../../model/paneController';
import { HELP_URL } from '../../model/help';
import { AppendixTotals } from './AppendixTotals';

// Browser mode's cell excerpt: its own small chunk, fetched when a cell is first shown.
const CellPreviewGrid = React.lazy(() => import(/* webpackChunkName: "cell-preview" */ '../CellPreviewGrid/CellPreviewGrid').then((m) => ({ default: m.CellPreviewGrid })));

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Where this page can hand the user a file (see canSaveFiles); feature-detected, not guessed from the host. */
function fileSaver(kind: 'excel' | 'browser'): ((fileName: string, bytes: Uint8Array) => void) | null {
  const nav = navigator as Navigator & { msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean };
  const env = {
    anchorDownload: 'download' in document.createElement('a') && typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function',
    msSaveBlob: typeof nav.msSaveOrOpenBlob === 'function',
    userAgent: nav.userAgent || '',
  };
  if (!canSaveFiles(kind, env)) return null;
  if (env.msSaveBlob) return (fileName, bytes) => void nav.msSaveOrOpenBlob!(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME }), fileName);
  return (fileName, bytes) => saveBytes(fileName, bytes, DOCX_MIME);
}

/** The task pane: totals, per-field table, flags, actions; in the browser also open/download. */
export function ScorePane({ host, lang, standalone, debounceMs }: ScorePaneProps): JSX.Element {
  const s = useScorePaneStyles();
  const { state, controller } = useScorePane(host, lang, debounceMs);
  const [localBusy, setLocalBusy] = React.useState(false);
  const [preview, setPreview] = React.useState<CellPreviewData | null>(standalone ? standalone.selection() : null);
  const [, setFileTick] = React.useState(0);

  React.useEffect(() => (standalone ? standalone.onSelectionChange(setPreview) : undefined), [standalone]);

  // "Cách đọc bảng" is open or not; an ambiguous-column flag's button opens it and moves focus there.
  const [readingOpen, setReadingOpen] = React.useState(false);
  const readingRef = React.useRef<HTMLElement>(null);
  const goToReading = React.useCallback(() => {
    setReadingOpen(true);
    const el = readingRef.current;
    if (el) {
      if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
      el.focus();
    }
  }, []);

  const busy = state.busy || localBusy;
  const view = state.view;
  const busyText = localBusy ? paneText('working', lang) : state.status === 'writing' ? paneText('writing', lang) : state.status === 'reading' ? paneText('reading', lang) : paneText('working', lang);

  const withLocalBusy = async (work: () => Promise<void>) => {
    setLocalBusy(true);
    try {
      await work();
    } catch (error) {
      controller.showError(error);
    } finally {
      setLocalBusy(false);
      setFileTick((n) => n + 1);
    }
  };

  // A flag's button selects its cell: in Excel the host selects it; in the browser the excerpt below
  // shows it, and is brought into view (with the cell in it) once the host has said which it is.
  const [reveal, setReveal] = React.useState(0);
  const selectCell = React.useCallback(
    (sheet: string, cell: string) => {
      void controller.selectCell(sheet, cell).then(() => {
        if (standalone) setReveal((n) => n + 1);
      });
    },
    [controller, standalone],
  );

  return (
    <main className={s.root} aria-busy={busy}>
      <header className={s.header}>
        <Subtitle1 as="h1" className={s.title}>
          {paneText('appTitle', lang)}
        </Subtitle1>
        <a className={s.help} href={HELP_URL} target="_blank" rel="noopener noreferrer" title={paneText('helpHint', lang)} data-testid="help-link">
          {paneText('help', lang)}
          <span className="visually-hidden"> ({paneText('helpHint', lang)})</span>
        </a>
      </header>

      {view && view.sheets.length ? <AppendixTotals sheets={view.sheets} lang={lang} /> : null}

      <Actions
        lang={lang}
        busy={busy}
        hasResult={!!view}
        canRevert={state.canRevert}
        highlights={state.highlights}
        onRecalculate={() => void controller.recalculate()}
        onRefresh={() => void controller.analyse()}
        onRevert={() => void controller.revert()}
        onHighlights={(on) => void controller.setHighlights(on)}
        onCopyReport={() => void controller.copyReport(writeClipboard)}
        onReportDocx={() => void controller.saveReport(fileSaver(host.kind), writeClipboard)}
      />

      <div className={s.status} role="status" aria-live="polite">
        {busy ? (
          <>
            <ProgressBar aria-label={busyText} thickness="medium" />
            <Text>{busyText}</Text>
          </>
        ) : null}
      </div>

      <ErrorBar error={state.error} notice={busy ? null : state.notice} lang={lang} onDismiss={() => controller.dismissError()} />

      {standalone ? (
        <StandaloneBar
          lang={lang}
          busy={busy}
          fileName={standalone.fileName()}
          isSample={standalone.isSample()}
          onOpen={(file) =>
            void withLocalBusy(async () => {
              const bytes = await readFile(file);
              await standalone.openFile(bytes, file.name);
              await controller.reset();
            })
          }
          onSample={() =>
            void withLocalBusy(async () => {
              await standalone.openSample();
              await controller.reset();
            })
          }
          onDownload={() =>
            void withLocalBusy(async () => {
              const year = controller.getState().assessmentYear;
              const out = await standalone.downloadAnnotated({ assessmentYear: year.source === 'user' ? year.year : null });
              saveBytes(out.fileName, out.bytes);
              controller.showNotice(paneText('downloaded', lang, { file: out.fileName }));
            })
          }
        />
      ) : null}
      {standalone ? <Caption1 className={s.muted}>{paneText('standaloneNote', lang)}</Caption1> : null}

      {view && !view.sheets.length ? <Text>{paneText('noTable', lang)}</Text> : null}

      <TableReadingSection
        ref={readingRef}
        analysis={state.analysis}
        choices={state.columnChoices}
        warning={state.choicesWarning}
        lang={lang}
        busy={busy}
        kind={host.kind}
        open={readingOpen}
        onOpenChange={setReadingOpen}
        onPick={(sheet, role, pick) => controller.setColumn(sheet, role, pick)}
        onReset={(sheet) => controller.resetColumns(sheet)}
        onDismissWarning={() => controller.dismissChoicesWarning()}
      />

      {view
        ? view.sheets.map((sheet) => (
            <section key={sheet.key} className={s.section}>
              <FieldTable sheet={sheet} lang={lang} />
            </section>
          ))
        : null}

      {view && view.appraisal ? (
        <section className={s.section} aria-labelledby="cchc-appraisal">
          <Subtitle2 as="h2" id="cchc-appraisal">
            {paneText('appraisalHeading', lang)}
          </Subtitle2>
          <Text data-testid="appraised-total">
            {paneText('appraisedTotal', lang)}: {view.appraisal.total.scoreOfMax}
            {view.appraisal.total.percent ? ' · ' + view.appraisal.total.percent : ''}
          </Text>
          <AppraiserMode lang={lang} on={state.appraiserMode} busy={busy} onToggle={(on) => controller.setAppraiserMode(on)} onFill={() => void controller.fillAppraised()} />
          <DifferenceList appraisal={view.appraisal} lang={lang} onSelect={selectCell} />
        </section>
      ) : null}

      {view ? (
        <section className={s.section} aria-labelledby="cchc-flags">
          <Subtitle2 as="h2" id="cchc-flags">
            {paneText('flagsHeading', lang, { count: view.flagCount })}
          </Subtitle2>
          <AssessmentYear lang={lang} value={state.assessmentYear} onSet={(year) => controller.setAssessmentYear(year)} />
          <FlagList groups={view.flagGroups} lang={lang} onSelect={selectCell} groupActions={{ 'ambiguous-column': { label: paneText('readingGoTo', lang), onClick: goToReading } }} />
        </section>
      ) : null}

      {preview ? (
        <React.Suspense fallback={null}>
          <CellPreviewGrid
            preview={preview}
            label={paneText('selectedCell', lang, { sheet: preview.sheet, cell: preview.address })}
            regionLabel={paneText('previewHeading', lang) + ': ' + paneText('selectedCell', lang, { sheet: preview.sheet, cell: preview.address })}
            reveal={reveal}
          />
        </React.Suspense>
      ) : null}

      {view ? (
        <section className={s.section} aria-labelledby="cchc-report">
          <Subtitle2 as="h2" id="cchc-report">
            {paneText('reportHeading', lang)}
          </Subtitle2>
          <pre className={s.report} tabIndex={0}>
            {view.report}
          </pre>
        </section>
      ) : null}

      <ConsolidationSection host={host} lang={lang} />

      {state.lastRunAt ? <Caption1 className={s.muted}>{paneText('lastRun', lang, { time: state.lastRunAt.toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}</Caption1> : null}
    </main>
  );
}
