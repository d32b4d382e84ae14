/** The Open XML namespaces the readers and the .xls converter name (transitional spellings). */

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
/** A relationship's Type is this stem plus its kind ("worksheet", "styles", …). */
export const REL_TYPE_STEM = RELATIONSHIPS + '/';
