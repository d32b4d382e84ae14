import * as React from 'react';
import { makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { SheetView } from '../../model/paneModel';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: `${tokens.spacingVerticalS} 0` },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingVerticalXS },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalXS, verticalAlign: 'top' },
  num: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold },
  bar: { minWidth: '60px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface FieldTableProps {
  sheet: SheetView;
  lang: Lang;
}

/** One appendix: per field score/max, percent and a bar, then the appendix total. */
export function FieldTable({ sheet, lang }: FieldTableProps): JSX.Element {
  const s = useStyles();
  return (
    <table className={s.table} aria-label={sheet.name}>
      <caption className={s.caption}>
        {sheet.name}: {sheet.total.scoreOfMax}
        {sheet.total.percent ? ' · ' + sheet.total.percent : ''}
      </caption>
      <thead>
        <tr>
          <th className={s.th} scope="col">
            {paneText('field', lang)}
          </th>
          <th className={`${s.th} ${s.num}`} scope="col">
            {paneText('score', lang)}
          </th>
          <th className={`${s.th} ${s.num}`} scope="col">
            {paneText('percent', lang)}
          </th>
          <th className={s.th} scope="col">
            <span className="visually-hidden">{paneText('percent', lang)}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sheet.fields.map((f) => (
          <tr key={f.key}>
            <th className={s.td} scope="row" style={{ fontWeight: 'normal', textAlign: 'left' }}>
              {f.code}. {f.name}
              {f.note ? <div className={s.note}>{f.note}</div> : null}
            </th>
            <td className={`${s.td} ${s.num}`}>{f.figure.scoreOfMax}</td>
            <td className={`${s.td} ${s.num}`}>{f.figure.percent}</td>
            <td className={`${s.td} ${s.bar}`}>
              {f.figure.ratio !== null ? (
                <ProgressBar
                  value={f.figure.ratio}
                  max={1}
                  thickness="large"
                  color={f.figure.ratio >= 1 ? 'success' : 'brand'}
                  aria-label={paneText('progressLabel', lang, { name: f.code, score: f.figure.score, max: f.figure.max, pct: f.figure.percent })}
                />
              ) : null}
            </td>
          </tr>
        ))}
        <tr className={s.total}>
          <th className={s.td} scope="row" style={{ textAlign: 'left' }}>
            {paneText('totals', lang)}
          </th>
          <td className={`${s.td} ${s.num}`}>{sheet.total.scoreOfMax}</td>
          <td className={`${s.td} ${s.num}`}>{sheet.total.percent}</td>
          <td className={`${s.td} ${s.bar}`}>
            {sheet.total.ratio !== null ? (
              <ProgressBar
                value={sheet.total.ratio}
                max={1}
                thickness="large"
                aria-label={paneText('progressLabel', lang, { name: sheet.name, score: sheet.total.score, max: sheet.total.max, pct: sheet.total.percent })}
              />
            ) : null}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
