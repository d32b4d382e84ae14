/**
 * Names of the two sheets the consolidation writes, kept apart from its message catalogue so the
 * scoring pipeline (and the ribbon command's bundle) can recognise them without carrying its words.
 */
export const RANKING_SHEET = { vi: 'Tổng hợp xếp hạng', en: 'Commune ranking' };
export const FLAGS_SHEET = { vi: 'Danh sách vấn đề', en: 'Issues by commune' };

/**
 * A sheet the consolidation wrote ("Tổng hợp xếp hạng", "Danh sách vấn đề (2)" when the add-in had
 * to make the name unique): the tool's own, never a commune's scoring table.
 */
export function isConsolidationSheetName(name: string): boolean {
  const base = name.replace(/\s*\(\d+\)$/, '');
  return base === RANKING_SHEET.vi || base === RANKING_SHEET.en || base === FLAGS_SHEET.vi || base === FLAGS_SHEET.en;
}
