import { GriffelStyle, tokens } from '@fluentui/react-components';

/**
 * A plain <input type="number"> in Fluent's look, shared by the consolidation's thresholds and the
 * assessment year: Fluent's Input would add about 13 kB to the pane's first load.
 */
export const PLAIN_NUMBER_INPUT: GriffelStyle = {
  boxSizing: 'border-box',
  padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase200,
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
  color: tokens.colorNeutralForeground1,
  backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  borderBottomColor: tokens.colorNeutralStrokeAccessible,
  borderRadius: tokens.borderRadiusMedium,
  ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  // Longhands: Griffel's shorthands() helper would add ~5 kB to the pane's first load.
  '&[aria-invalid="true"]': {
    borderTopColor: tokens.colorPaletteRedBorder2,
    borderRightColor: tokens.colorPaletteRedBorder2,
    borderBottomColor: tokens.colorPaletteRedBorder2,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
};
