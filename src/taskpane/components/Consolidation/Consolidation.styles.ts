import { makeStyles, tokens } from '@fluentui/react-components';
import { PLAIN_NUMBER_INPUT } from '../plainNumberInput.styles';

/** The section around the consolidation (always in the pane's first load); the result's own styles are inline, in its chunk (ConsolidationResult.tsx). */
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
  // The result's threshold inputs (handed to it in the kit).
  threshold: { ...PLAIN_NUMBER_INPUT, width: '48px' },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});
