import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, ArrowUndoRegular, CalculatorRegular, CopyRegular, DocumentTextRegular, HighlightRegular } from '@fluentui/react-icons';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS, alignItems: 'center' },
  primary: { marginRight: tokens.spacingHorizontalXS },
  // 28 px icon buttons: the primary action and all five fit on one line of a 320 px pane.
  icon: { minWidth: '28px', maxWidth: '28px', width: '28px' },
  on: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground1 },
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

/**
 * The action toolbar, compact so that the figures stay on the first screen of a 320 px pane: one
 * primary action with its words ("Tính lại điểm"), then the others as icon buttons on the same line,
 * each named for keyboard and screen-reader users by aria-label (the same words the buttons had: re-read,
 * revert, copy the report, the Word report) with its hint as the title; the highlights switch is a toggle
 * button (aria-pressed). No menu: Fluent's Menu brings its positioning engine into the first load, and
 * every action stays one Tab away.
 */
export function Actions(p: ActionsProps): JSX.Element {
  const s = useStyles();
  const t = (k: Parameters<typeof paneText>[0]) => paneText(k, p.lang);
  return (
    <div role="toolbar" aria-label={t('actions')} className={s.bar}>
      <Button appearance="primary" className={s.primary} icon={<CalculatorRegular />} disabled={p.busy} title={t('recalcHint')} onClick={p.onRecalculate}>
        {t('recalc')}
      </Button>
      <Button appearance="subtle" className={s.icon} icon={<ArrowSyncRegular />} disabled={p.busy} aria-label={t('refresh')} title={t('refresh') + ': ' + t('refreshHint')} onClick={p.onRefresh} />
      <Button appearance="subtle" className={s.icon} icon={<ArrowUndoRegular />} disabled={p.busy || !p.canRevert} aria-label={t('revert')} title={t('revert')} onClick={p.onRevert} />
      <Button appearance="subtle" className={s.icon} icon={<CopyRegular />} disabled={!p.hasResult} aria-label={t('copyReport')} title={t('copyReport')} onClick={p.onCopyReport} />
      {p.onReportDocx ? (
        <Button
          appearance="subtle"
          className={s.icon}
          icon={<DocumentTextRegular />}
          disabled={p.busy || !p.hasResult}
          aria-label={t('reportDocx')}
          title={t('reportDocx') + ': ' + t('reportDocxHint')}
          onClick={p.onReportDocx}
        />
      ) : null}
      <Button
        appearance="subtle"
        className={p.highlights ? s.icon + ' ' + s.on : s.icon}
        icon={<HighlightRegular />}
        disabled={p.busy}
        aria-pressed={p.highlights}
        aria-label={t('highlights')}
        title={t('highlights')}
        onClick={() => p.onHighlights(!p.highlights)}
      />
    </div>
  );
}
