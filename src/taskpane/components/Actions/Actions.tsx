import * as React from 'react';
import { Button, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, ArrowUndoRegular, CalculatorRegular, CopyRegular, DocumentTextRegular } from '@fluentui/react-icons';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface ActionsProps {
  lang: Lang;
  busy: boolean;
  hasResult: boolean;
  canRevert: boolean;
  highlights: boolean;
  onRecalculate: () => void;
  onRefresh: () => void;
  onRevert: () => void;
  onHighlights: (on: boolean) => void;
  onCopyReport: () => void;
  /** "Báo cáo (.docx)"; absent, the button is not shown. */
  onReportDocx?: () => void;
}

/** The action toolbar: recalculate and write, re-read, highlights on/off, revert, copy the report.
 * Hints are the buttons' titles (their accessible description), as elsewhere in the pane: Fluent's
 * Tooltip would bring its positioning engine into the first load. */
export function Actions(p: ActionsProps): JSX.Element {
  const s = useStyles();
  const t = (k: Parameters<typeof paneText>[0]) => paneText(k, p.lang);
  return (
    <div role="toolbar" aria-label={t('actions')} className={s.bar}>
      <Button appearance="primary" icon={<CalculatorRegular />} disabled={p.busy} title={t('recalcHint')} onClick={p.onRecalculate}>
        {t('recalc')}
      </Button>
      <Button icon={<ArrowSyncRegular />} disabled={p.busy} title={t('refreshHint')} onClick={p.onRefresh}>
        {t('refresh')}
      </Button>
      <Button icon={<ArrowUndoRegular />} disabled={p.busy || !p.canRevert} onClick={p.onRevert}>
        {t('revert')}
      </Button>
      <Button icon={<CopyRegular />} disabled={!p.hasResult} onClick={p.onCopyReport}>
        {t('copyReport')}
      </Button>
      {p.onReportDocx ? (
        <Button icon={<DocumentTextRegular />} disabled={p.busy || !p.hasResult} title={t('reportDocxHint')} onClick={p.onReportDocx}>
          {t('reportDocx')}
        </Button>
      ) : null}
      <Switch label={t('highlights')} checked={p.highlights} disabled={p.busy} onChange={(_, d) => p.onHighlights(d.checked)} />
    </div>
  );
}
