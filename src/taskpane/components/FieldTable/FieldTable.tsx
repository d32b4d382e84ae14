import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { PANE_GROUPS } from '../../model/groups';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { SheetView } from '../../model/paneModel';
import { BarChart } from '../Charts/BarChart';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: `${tokens.spacingVerticalS} 0` },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingVerticalXS },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalXS, verticalAlign: 'top' },
  num: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  group: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  survey: { textAlign: 'right', color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  legend: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface FieldTableProps {
  sheet: SheetView;
  lang: Lang;
}

/**
 * One appendix: a small bar chart of the fields' percentages (each bar in its group's colour, the
 * thresholds marked), then the table: per field score/max, percent and group in words, then the
 * appendix total. A survey field (ĐTXHH, scored by the survey, not by the commune) says "không tự chấm".
 */
export function FieldTable({ sheet, lang }: FieldTableProps): JSX.Element {
  const s = useStyles();
  const charted = sheet.fields.filter((f) => f.figure.ratio !== null);
  const chartLabel =
    paneText('fieldChart', lang, { sheet: sheet.name }) +
    ': ' +
    charted.map((f) => paneText('chartItem', lang, { name: f.code + '. ' + f.name, pct: f.figure.percent, group: f.figure.groupText })).join('; ') +
    '.';
  const g = PANE_GROUPS;
  return (
    <>
      {charted.length ? (
        <figure style={{ margin: 0 }}>
          <BarChart
            layout="compact"
            label={chartLabel}
            thresholds={g}
            testId="field-chart"
            bars={charted.map((f) => ({ key: f.key, label: f.code, ratio: f.figure.ratio, group: f.figure.group, value: f.figure.percent }))}
          />
          <figcaption className={s.legend}>{paneText('chartThresholds', lang, { a: g.a, b: g.b, c: g.c })}</figcaption>
        </figure>
      ) : null}
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
          </tr>
        </thead>
        <tbody>
          {sheet.fields.map((f) => (
            <tr key={f.key} data-survey={f.survey ? 'true' : undefined}>
              <th className={s.td} scope="row" style={{ fontWeight: 'normal', textAlign: 'left' }}>
                {f.code}. {f.name}
                {f.note ? <div className={s.note}>{f.note}</div> : null}
              </th>
              {f.survey ? (
                <td className={`${s.td} ${s.survey}`} colSpan={2}>
                  {f.scoreText}
                </td>
              ) : (
                <>
                  <td className={`${s.td} ${s.num}`}>{f.scoreText}</td>
                  <td className={`${s.td} ${s.num}`}>
                    {f.figure.percent}
                    {f.figure.groupText ? <span className={s.group}>{f.figure.groupText}</span> : null}
                  </td>
                </>
              )}
            </tr>
          ))}
          <tr className={s.total}>
            <th className={s.td} scope="row" style={{ textAlign: 'left' }}>
              {paneText('totals', lang)}
            </th>
            <td className={`${s.td} ${s.num}`}>{sheet.total.scoreOfMax}</td>
            <td className={`${s.td} ${s.num}`}>
              {sheet.total.percent}
              {sheet.total.groupText ? <span className={s.group}>{sheet.total.groupText}</span> : null}
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
