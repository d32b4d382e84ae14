import { BeyondLimitsWhat } from '../workbookInputError';

/** Excel's sheet size: 16,384 columns (XFD) by 1,048,576 rows. */
export const MAX_COL = 16384;
export const MAX_ROW = 1048576;
/**
 * Per sheet: merges, and cells they cover once clipped to the sheet's cells. Far above any real
 * form (the official templates have a few hundred merges), low enough that ExcelJS, which builds
 * a cell object for each merged cell, loads and writes the annotated copy in seconds.
 */
export const MAX_MERGES = 10000;
export const MAX_MERGED_CELLS = 100000;

/** A sheet beyond what Excel can hold, or merges too large to apply: refused, never worked through. */
export class BeyondLimits extends Error {
  constructor(
    readonly what: BeyondLimitsWhat,
    readonly found: number,
    readonly limit?: number,
  ) {
    super(what + ' ' + found);
  }
}
