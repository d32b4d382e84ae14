import * as React from 'react';
import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { PANE_GROUPS } from '../../model/groups';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { SheetView } from '../../model/paneModel';
import { GroupBar } from '../Charts/BarChart';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, flexBasis: '100%' },
  big: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  group: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
});

/**
 * The first thing the pane shows: each appendix's self-score of its maximum and percentage, as
 * officials report them ("Phụ lục 1: 68,13/74 · 92,07%"), with the group its percentage reaches in
 * words and a bar in the group's colour. No sum over the appendices: nobody reports that figure.
 */
export function AppendixTotals({ sheets, lang }: { sheets: SheetView[]; lang: Lang }): JSX.Element {
  const s = useStyles();
  return (
    <section className={s.section} aria-labelledby="cchc-total" data-testid="appendix-totals">
      <Subtitle2 as="h2" id="cchc-total">
        {paneText('totalLine', lang)}
      </Subtitle2>
      <ul className={s.list}>
        {sheets.map((sheet, i) => (
          <li key={sheet.key}>
            <div className={s.line}>
              <span className={s.name}>{sheet.name}</span>
              <span className={s.big} data-testid={i === 0 ? 'main-total' : 'appendix-total'}>
                {sheet.total.scoreOfMax}
              </span>
              <span className={s.big} data-testid={i === 0 ? 'main-percent' : 'appendix-percent'}>
                {sheet.total.percent}
              </span>
              {sheet.total.groupText ? <span className={s.group}>{sheet.total.groupText}</span> : null}
            </div>
            <GroupBar ratio={sheet.total.ratio} group={sheet.total.group} thresholds={PANE_GROUPS} />
          </li>
        ))}
      </ul>
    </section>
  );
}
