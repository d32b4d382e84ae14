import { foldText } from '../text/fold';

/**
 * Who and when a scoring table is about, read from its title rows ("UBND XÃ THANH XÁ",
 * "… CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND XÃ THANH XÁ"). Used to name a commune in the
 * district's consolidation, to head the written report and to know the assessment year.
 */
export interface TitleFacts {
  /** e.g. "xã Thanh Xá" (also "phường …", "thị trấn …"), as written, in title case. */
  commune: string | null;
  /** e.g. "huyện Thanh Hà" (also "thị xã", "thành phố", "quận"). */
  district: string | null;
  /** e.g. "tỉnh Hải Dương". */
  province: string | null;
  /** Assessment year, from "năm 2023" in a title; null when no title states it. */
  year: number | null;
}

const UNIT_PREFIXES: Array<{ folded: string; kind: 'commune' | 'district' | 'province'; label: string }> = [
  { folded: 'thi tran', kind: 'commune', label: 'thị trấn' },
  { folded: 'phuong', kind: 'commune', label: 'phường' },
  { folded: 'xa', kind: 'commune', label: 'xã' },
  { folded: 'huyen', kind: 'district', label: 'huyện' },
  { folded: 'thi xa', kind: 'district', label: 'thị xã' },
  { folded: 'thanh pho', kind: 'district', label: 'thành phố' },
  { folded: 'quan', kind: 'district', label: 'quận' },
  { folded: 'tinh', kind: 'province', label: 'tỉnh' },
];

/** Words that end a place name in a title ("… xã Thanh Xá năm 2023", "… Thanh Xá, huyện …"). */
const NAME_STOP = /^(ve|ngay|thang|kem|theo|tai|cua|huyen|tinh|quan|dat|diem)$/;

/** Two-word unit names that end a place name ("… Trần Hưng Đạo, thành phố Hải Dương"). */
const TWO_WORD_STOP = /^(thanh pho|thi xa|thi tran)$/;

function titleCase(word: string): string {
  const lower = word.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.substring(1);
}

/**
 * Finds "<unit word> <Name Words>" in a line. Folding keeps word positions (one folded word per
 * original word), so the name is cut from the original text with its diacritics.
 */
function findUnit(line: string, kind: 'commune' | 'district' | 'province'): string | null {
  const words = line
    .replace(/[,;:()"“”]/g, ' ')
    .split(/\s+/)
    .filter(function (w) {
      return w.length > 0;
    });
  const folded: string[] = [];
  for (let i = 0; i < words.length; i++) folded.push(foldText(words[i]));
  for (let i = 0; i < words.length; i++) {
    for (let p = 0; p < UNIT_PREFIXES.length; p++) {
      const prefix = UNIT_PREFIXES[p];
      if (prefix.kind !== kind) continue;
      const parts = prefix.folded.split(' ');
      let matches = true;
      for (let k = 0; k < parts.length; k++) if (folded[i + k] !== parts[k]) matches = false;
      if (!matches) continue;
      // "UBND xã" and "của UBND xã …" are the usual lead-ins; a bare "xã" inside a sentence is not a name.
      const start = i + parts.length;
      const name: string[] = [];
      for (let j = start; j < words.length && name.length < 5; j++) {
        // "năm 2023" ends a name, but "Nam" folds alike and is part of many names (xã Nam Hưng, xã Tân Nam).
        const yearFollows = folded[j] === 'nam' && /^\d/.test(words[j + 1] || '');
        if (yearFollows || NAME_STOP.test(folded[j]) || TWO_WORD_STOP.test(folded[j] + ' ' + folded[j + 1]) || /^\d/.test(words[j]) || /[.…]/.test(words[j])) break;
        name.push(titleCase(words[j]));
      }
      if (name.length > 0 && name.length <= 4) return prefix.label + ' ' + name.join(' ');
    }
  }
  return null;
}

function findYear(line: string): number | null {
  const m = /\bnam\s+(20\d\d)\b/.exec(foldText(line));
  return m ? parseInt(m[1], 10) : null;
}

/** Reads the facts from the title lines of one table (sheet order, top to bottom). */
export function readTitleFacts(titleLines: string[], sheetName?: string): TitleFacts {
  const facts: TitleFacts = { commune: null, district: null, province: null, year: null };
  const lines = sheetName ? titleLines.concat([sheetName]) : titleLines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (facts.commune === null) facts.commune = findUnit(line, 'commune');
    if (facts.district === null) facts.district = findUnit(line, 'district');
    if (facts.province === null) facts.province = findUnit(line, 'province');
    if (facts.year === null) facts.year = findYear(line);
  }
  return facts;
}

/** The facts of a workbook: the first table that states each one wins. */
export function mergeTitleFacts(all: TitleFacts[]): TitleFacts {
  const merged: TitleFacts = { commune: null, district: null, province: null, year: null };
  for (let i = 0; i < all.length; i++) {
    const f = all[i];
    if (merged.commune === null) merged.commune = f.commune;
    if (merged.district === null) merged.district = f.district;
    if (merged.province === null) merged.province = f.province;
    if (merged.year === null) merged.year = f.year;
  }
  return merged;
}
