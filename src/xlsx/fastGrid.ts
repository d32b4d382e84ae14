/**
 * Transitional: the hand-written .xlsx -> grid reader now lives in src/xlsx/read/ (entry points in
 * read/readGrid.ts) and src/xlsx/node/readGridFile.ts. This module only re-exports them for the
 * importers not yet moved; import from those paths instead. To be removed.
 */
export { asInputError, openPackage, readGridFromPackage, readGridFromXlsxBytes } from './read/readGrid';
export type { PackageGrid } from './read/readGrid';
export { MAX_MERGED_CELLS, MAX_MERGES } from './read/limits';
export { readGridFromXlsxFile } from './node/readGridFile';
