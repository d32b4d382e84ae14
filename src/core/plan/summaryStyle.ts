/**
 * How every writer draws the tool-owned summary sheet, beyond what SummarySheet itself says.
 * Plain ES5 constants: the core, the Office.js gateway and the file writers may all import it.
 */

/** Excel's own hyperlink colour in the default theme (ARGB), for in-document link cells. */
export const SUMMARY_LINK_COLOR = 'FF0563C1';

/** Link cells are underlined, as Excel shows hyperlinks. */
export const SUMMARY_LINK_UNDERLINE = true;

/** Rows frozen at the top of the summary sheet (its header row). */
export const SUMMARY_FROZEN_ROWS = 1;
