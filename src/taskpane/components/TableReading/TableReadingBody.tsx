import * as React from 'react';
import { Badge, Button, Caption1, Label, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import type { WorkbookAnalysis } from '../../../core/analyse';
import { paneText } from '../../../core/messages/paneText';
import { Lang } from '../../../core/number/format';
import type { ColumnRole } from '../../../core/recognise/header';
import type { ColumnChoices } from '../../../core/recognise/reading';
import type { ColumnPick } from '../../model/columnChoices';
import { buildReadingView, NONE_VALUE } from '../../model/readingView';
import { PLAIN_NUMBER_INPUT } from '../plainNumberInput.styles';

const useStyles = makeStyles({
  table: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  tableHeading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  roles: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  role: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  // A plain <select> in Fluent's look, as the year field is a plain input: Fluent's Select measured
  // 3.5 kB gz more on the pane's first load.
  select: { ...PLAIN_NUMBER_INPUT, textAlign: 'left', fontVariantNumeric: 'normal', width: '100%', minHeight: '24px' },
});

export interface TableReadingBodyProps {
  analysis: WorkbookAnalysis;
  choices: ColumnChoices | null;
  lang: Lang;
  busy: boolean;
  onPick: (sheet: string, role: ColumnRole, pick: ColumnPick) => void;
  onReset: (sheet: string) => void;
}

/** Per analysed table, per role: a picker of the header columns and "Không có", the column in use and why. */
export function TableReadingBody({ analysis, choices, lang, busy, onPick, onReset }: TableReadingBodyProps): JSX.Element {
  const s = useStyles();
  const tables = React.useMemo(() => buildReadingView(analysis, choices, lang), [analysis, choices, lang]);
  return (
    <>
      {tables.map((t, ti) => (
        <section key={t.key} className={s.table} aria-labelledby={'cchc-reading-t' + ti} data-testid={'reading-table-' + ti} data-sheet={t.sheet}>
          <h3 id={'cchc-reading-t' + ti} className={s.tableHeading}>
            <span>{t.title}</span>
            <Button
              size="small"
              icon={<ArrowResetRegular />}
              disabled={!t.hasChoice || busy}
              title={paneText('readingResetHint', lang, { sheet: t.sheet })}
              onClick={() => onReset(t.sheet)}
              data-testid={'reading-reset-' + ti}
            >
              {paneText('readingReset', lang)}
            </Button>
          </h3>
          {t.sheetWide ? <Caption1 className={s.muted}>{t.sheetWide}</Caption1> : null}
          {t.lost ? <Caption1 role="note">{t.lost}</Caption1> : null}
          <div className={s.roles}>
            {t.pickers.map((p) => {
              const id = 'cchc-reading-t' + ti + '-' + p.role;
              return (
                <div key={p.role} className={s.role}>
                  <div className={s.label}>
                    <Label htmlFor={id} size="small" weight={p.chosen ? 'semibold' : 'regular'}>
                      {p.label}
                    </Label>
                    {p.unsure ? (
                      <Badge size="small" appearance="filled" color="warning">
                        {paneText('readingUnsureBadge', lang)}
                      </Badge>
                    ) : null}
                  </div>
                  <select
                    id={id}
                    className={s.select}
                    value={p.value}
                    disabled={busy}
                    aria-describedby={id + '-why'}
                    data-testid={'reading-' + ti + '-' + p.role}
                    onChange={(e) => onPick(t.sheet, p.role, e.target.value === NONE_VALUE ? null : Number(e.target.value))}
                  >
                    {p.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.text}
                      </option>
                    ))}
                  </select>
                  <Caption1 id={id + '-why'} className={s.muted}>
                    {p.why}
                  </Caption1>
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </>
  );
}
