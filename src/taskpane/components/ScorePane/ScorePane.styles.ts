import { makeStyles, tokens } from '@fluentui/react-components';

export const useScorePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    margin: '0 auto',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  status: { minHeight: '24px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  totals: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'baseline' },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  report: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});
