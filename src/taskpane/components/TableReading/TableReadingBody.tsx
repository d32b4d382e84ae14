import * as React from 'react';
import type { Badge, Button, Caption1, Label } from '@fluentui/react-components';
import type { WorkbookAnalysis } from '../../../core/analyse';
import { readingText } from '../../../core/messages';
import type { Lang } from '../../../core/number';
import type { ColumnChoices, ColumnRole } from '../../../core/recognise';
import type { ColumnPick } from '../../model/columnChoices';
import { buildReadingView, NONE_VALUE } from '../../model/readingView';

/**
 * The Fluent parts the pickers use, handed over by the section rather than imported: this module is
 * its own chunk, and a module imported by both chunks loses its scope hoisting in the pane's first
 * load (importing them here measured 3.7 kB gz more on the first load than no split at all).
 */
export interface ReadingKit {
  Badge: typeof Badge;
  Button: typeof Button;
  Caption1: typeof Caption1;
  Label: typeof Label;
  resetIcon: JSX.Element;
}

export interface TableReadingBodyProps {
  analysis: WorkbookAnalysis;
  choices: ColumnChoices | null;
  lang: Lang;
  busy: boolean;
  /** Excel: the choice is kept in the workbook; browser: for the open file. */
  kind: 'excel' | 'browser';
  kit: ReadingKit;
  onPick: (sheet: string, role: ColumnRole, pick: ColumnPick) => void;
  onReset: (sheet: string) => void;
}

// Fluent's tokens are these CSS variables; inline styles keep Griffel out of this chunk (same reason).
const TABLE: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 'var(--spacingVerticalS)', marginTop: 'var(--spacingVerticalM)' };
const TABLE_HEADING: React.CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 'var(--spacingHorizontalS)',
  margin: 0,
  fontSize: 'var(--fontSizeBase300)',
  fontWeight: 'var(--fontWeightSemibold)' as React.CSSProperties['fontWeight'],
};
const ROLE: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 'var(--spacingVerticalXXS)' };
const LABEL_LINE: React.CSSProperties = { display: 'flex', alignItems: 'center', gap: 'var(--spacingHorizontalS)' };
const MUTED: React.CSSProperties = { color: 'var(--colorNeutralForeground3)' };
// A plain <select> in Fluent's look, as the year field is a plain input: Fluent's Select measured 3.5 kB gz more.
const SELECT: React.CSSProperties = {
  boxSizing: 'border-box',
  width: '100%',
  minHeight: '24px',
  padding: 'var(--spacingVerticalXXS) var(--spacingHorizontalS)',
  fontFamily: 'var(--fontFamilyBase)',
  fontSize: 'var(--fontSizeBase200)',
  color: 'var(--colorNeutralForeground1)',
  backgroundColor: 'var(--colorNeutralBackground1)',
  border: 'var(--strokeWidthThin) solid var(--colorNeutralStroke1)',
  borderBottomColor: 'var(--colorNeutralStrokeAccessible)',
  borderRadius: 'var(--borderRadiusMedium)',
};

/** Per analysed table, per role: a picker of the header columns and "Không có", the column in use and why. */
export function TableReadingBody({ analysis, choices, lang, busy, kind, kit, onPick, onReset }: TableReadingBodyProps): JSX.Element {
  const { Badge, Button, Caption1, Label } = kit;
  const tables = React.useMemo(() => buildReadingView(analysis, choices, lang), [analysis, choices, lang]);
  return (
    <>
      <Caption1>{readingText(kind === 'excel' ? 'introExcel' : 'introBrowser', lang)}</Caption1>
      {tables.map((t, ti) => (
        <section key={t.key} style={TABLE} aria-labelledby={'cchc-reading-t' + ti} data-testid={'reading-table-' + ti} data-sheet={t.sheet}>
          <h3 id={'cchc-reading-t' + ti} style={TABLE_HEADING}>
            <span>{t.title}</span>
            <Button
              size="small"
              icon={kit.resetIcon}
              disabled={!t.hasChoice || busy}
              title={readingText('resetHint', lang, { sheet: t.sheet })}
              onClick={() => onReset(t.sheet)}
              data-testid={'reading-reset-' + ti}
            >
              {readingText('reset', lang)}
            </Button>
          </h3>
          {t.sheetWide ? <Caption1 style={MUTED}>{t.sheetWide}</Caption1> : null}
          {t.lost ? <Caption1 role="note">{t.lost}</Caption1> : null}
          {t.rowsRead.map((line, li) => (
            <Caption1 key={li} style={MUTED} data-testid={'reading-rows-' + ti + '-' + li}>
              {line}
            </Caption1>
          ))}
          {t.pickers.map((p) => {
            const id = 'cchc-reading-t' + ti + '-' + p.role;
            return (
              <div key={p.role} style={ROLE}>
                <div style={LABEL_LINE}>
                  <Label htmlFor={id} size="small" weight={p.chosen ? 'semibold' : 'regular'}>
                    {p.label}
                  </Label>
                  {p.unsure ? (
                    <Badge size="small" appearance="filled" color="warning">
                      {readingText('unsureBadge', lang)}
                    </Badge>
                  ) : null}
                </div>
                <select
                  id={id}
                  style={SELECT}
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
                <Caption1 id={id + '-why'} style={MUTED}>
                  {p.why}
                </Caption1>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}
