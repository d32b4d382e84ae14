import * as React from 'react';
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { AppraisalView } from '../../model/paneModel';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    height: 'auto',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    width: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  code: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, whiteSpace: 'nowrap' },
  figures: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: `${tokens.spacingVerticalS} 0` },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingVerticalXS },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalXS, verticalAlign: 'top' },
  num: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

export interface DifferenceListProps {
  appraisal: AppraisalView;
  lang: Lang;
  /** Selects the appraised cell of a difference. */
  onSelect: (sheet: string, cell: string) => void;
}

/**
 * The appraisal: each criterion whose appraised score differs from the self-score (code, name,
 * self → appraised and the difference, evidence and explanation shortened), a button that selects the
 * appraised cell; then the points lost per field.
 */
export function DifferenceList({ appraisal, lang, onSelect }: DifferenceListProps): JSX.Element {
  const s = useStyles();
  const t = (k: Parameters<typeof paneText>[0], params?: { [name: string]: string | number }) => paneText(k, lang, params);
  return (
    <div>
      <h3 id="cchc-differences">{t('differencesHeading', { count: appraisal.differences.length })}</h3>
      {appraisal.differences.length ? (
        <ul className={s.list} aria-labelledby="cchc-differences">
          {appraisal.differences.map((d) => (
            <li key={d.key}>
              <Button
                appearance="subtle"
                className={s.item}
                title={[t('differenceGoTo', { cell: d.cell, sheet: d.sheet }), d.evidenceFull, d.explanationFull].filter(Boolean).join('\n')}
                onClick={() => onSelect(d.sheet, d.cell)}
              >
                <span className={s.line}>
                  <span className={s.code}>{d.code}</span>
                  <span>{d.name}</span>
                </span>
                <span className={s.line}>
                  <span className={s.figures}>{t('differenceLine', { self: d.self, appraised: d.appraised })}</span>
                  <Badge appearance="tint" color={d.lost ? 'danger' : 'success'} aria-label={t('colDifference') + ' ' + d.difference}>
                    {d.difference}
                  </Badge>
                </span>
                {d.evidence ? <span className={s.detail}>{t('evidenceShort', { text: d.evidence })}</span> : null}
                {d.explanation ? <span className={s.detail}>{t('explanationShort', { text: d.explanation })}</span> : null}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={s.muted}>{t('noDifferences')}</p>
      )}
      {appraisal.notAppraised > 0 ? <p className={s.muted}>{t('notAppraised', { count: appraisal.notAppraised })}</p> : null}

      <table className={s.table}>
        <caption className={s.caption}>{t('lostHeading')}</caption>
        <thead>
          <tr>
            <th className={s.th} scope="col">
              {t('field')}
            </th>
            <th className={`${s.th} ${s.num}`} scope="col">
              {t('colSelf')}
            </th>
            <th className={`${s.th} ${s.num}`} scope="col">
              {t('colAppraised')}
            </th>
            <th className={`${s.th} ${s.num}`} scope="col">
              {t('colLost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {appraisal.lostByField.map((f) => (
            <tr key={f.key}>
              <td className={s.td}>
                {f.code}. {f.name}
              </td>
              <td className={`${s.td} ${s.num}`}>{f.self}</td>
              <td className={`${s.td} ${s.num}`}>{f.appraised}</td>
              <td className={`${s.td} ${s.num}`}>{f.lost}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
