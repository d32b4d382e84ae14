/**
 * The name of the tool's hidden sheet of levels, which the scoring sheets' drop-downs read
 * (sheetRules.ts). On its own so the analysis can skip the sheet without bringing in the rules.
 */
export const TIER_SHEET_NAME = 'Mức điểm CCHC';
