import { makeStyles, tokens } from '@fluentui/react-components';
import { PLAIN_NUMBER_INPUT } from '../plainNumberInput.styles';

const STICKY = {
  position: 'sticky' as const,
  zIndex: 1,
  backgroundColor: tokens.colorNeutralBackground1,
  boxSizing: 'border-box' as const,
};

export const useConsolidationStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  groups: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    border: 'none',
    padding: 0,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  thresholdBox: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  threshold: { ...PLAIN_NUMBER_INPUT, width: '48px' },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  tableWrap: { overflowX: 'auto', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  // Rank, commune and group stay at the left while the figures scroll (a 320 px pane shows those three
  // and one figure); widths in em so the offsets follow the font.
  stickyRank: { ...STICKY, left: 0, width: '3em', minWidth: '3em', maxWidth: '3em' },
  stickyCommune: { ...STICKY, left: '3em', width: '7.5em', minWidth: '7.5em', maxWidth: '7.5em' },
  stickyGroup: { ...STICKY, left: '10.5em', width: '4.75em', minWidth: '4.75em', maxWidth: '4.75em', boxShadow: `inset -1px 0 0 ${tokens.colorNeutralStroke1}` },
  badge: { whiteSpace: 'normal', height: 'auto', textAlign: 'center' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
  },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  th: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingVerticalXS,
  },
  td: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalXS,
    verticalAlign: 'top',
  },
  num: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
  file: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    // Wraps only at the <wbr> after its separators (xa-dong-hoa.xlsx), never inside a word.
    overflowWrap: 'normal',
  },
  failed: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});
