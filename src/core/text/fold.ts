/**
 * Vietnamese text folding (for matching) and composing (for display).
 * ES5 only: this runs in Internet Explorer 11, so no Map, no String.prototype.normalize
 * without a check, no regex `u` flag. Lookup tables are built once at module load.
 */

/** Tone order used by every row below: none, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot below (nặng). */
export const TONE_COUNT = 6;

/**
 * Each vowel with its hat (none, breve, circumflex, horn) in the six tones. The first character of a
 * row is the toneless letter. Shared with legacyEncodings.ts, which builds its tables from these rows.
 */
export const VOWEL_ROWS_LOWER: string[] = ['aàáảãạ', 'ăằắẳẵặ', 'âầấẩẫậ', 'eèéẻẽẹ', 'êềếểễệ', 'iìíỉĩị', 'oòóỏõọ', 'ôồốổỗộ', 'ơờớởỡợ', 'uùúủũụ', 'ưừứửữự', 'yỳýỷỹỵ'];
export const VOWEL_ROWS_UPPER: string[] = ['AÀÁẢÃẠ', 'ĂẰẮẲẴẶ', 'ÂẦẤẨẪẬ', 'EÈÉẺẼẸ', 'ÊỀẾỂỄỆ', 'IÌÍỈĨỊ', 'OÒÓỎÕỌ', 'ÔỒỐỔỖỘ', 'ƠỜỚỞỠỢ', 'UÙÚỦŨỤ', 'ƯỪỨỬỮỰ', 'YỲÝỶỸỴ'];

// Combining marks (U+0300 block) that Vietnamese uses, as NFD produces them.
const MARK_GRAVE = 0x300;
const MARK_ACUTE = 0x301;
const MARK_CIRCUMFLEX = 0x302;
const MARK_TILDE = 0x303;
const MARK_BREVE = 0x306;
const MARK_HOOK = 0x309;
const MARK_HORN = 0x31b;
const MARK_DOT_BELOW = 0x323;

/** Tone index (1..5) of a combining tone mark, 0 if the code is not one. */
function toneOfMark(code: number): number {
  switch (code) {
    case MARK_GRAVE:
      return 1;
    case MARK_ACUTE:
      return 2;
    case MARK_HOOK:
      return 3;
    case MARK_TILDE:
      return 4;
    case MARK_DOT_BELOW:
      return 5;
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Folding table: char code -> folded char code (lower case, no diacritics); -1 drops the char.
// A plain array indexed by code is the fastest lookup ES5 offers (typed arrays are not ES5).
// ---------------------------------------------------------------------------------------------

const FOLD_LIMIT = 0x1f00; // everything Vietnamese lies below this (Latin Extended Additional ends at U+1EFF)
const DROP = -1;
const SPACE = -2;
const FOLD_CODE: number[] = [];
(function buildFoldTable() {
  for (let c = 0; c < FOLD_LIMIT; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    FOLD_CODE.push(lower.length === 1 ? lower.charCodeAt(0) : c);
  }
  FOLD_CODE[0x130] = 0x69; // İ lower-cases to two characters; i is what matching wants
  // Every combining diacritic goes: NFD input folds like NFC input.
  for (let c = 0x300; c <= 0x36f; c++) FOLD_CODE[c] = DROP;
  const bases = 'aaaeeiooouuy';
  for (let r = 0; r < VOWEL_ROWS_LOWER.length; r++) {
    const base = bases.charCodeAt(r);
    const lower = VOWEL_ROWS_LOWER[r];
    const upper = VOWEL_ROWS_UPPER[r];
    for (let t = 0; t < TONE_COUNT; t++) {
      FOLD_CODE[lower.charCodeAt(t)] = base;
      FOLD_CODE[upper.charCodeAt(t)] = base;
    }
  }
  FOLD_CODE[0x111] = 0x64; // đ
  FOLD_CODE[0x110] = 0x64; // Đ
  // Invisible characters pasted from the web or Word carry no meaning for matching.
  FOLD_CODE[0xad] = DROP; // soft hyphen (zero-width space and joiners are above the table: see foldText)
  for (let c = 0; c < FOLD_LIMIT; c++) if (isSpaceCode(c)) FOLD_CODE[c] = SPACE;
})();

/** The characters JavaScript's \s matches (ES5 WhiteSpace + LineTerminator), NBSP and BOM included. */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** String.fromCharCode over an array of codes, in chunks so long cells stay under engines' argument limits. */
function codesToString(codes: number[]): string {
  const CHUNK = 4096;
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.slice(i, i + CHUNK)));
  }
  return parts.join('');
}

/**
 * For matching only: NFC or NFD input alike -> lower case, all Vietnamese diacritics removed
 * (precomposed letters and combining marks U+0300-U+036F), đ/Đ -> d, any whitespace run
 * (incl. NBSP, newlines) -> one space, trimmed. Old- and new-style tone placement ("hoà"/"hòa")
 * fold the same, since every tone is removed.
 */
export function foldText(s: string): string {
  const n = s.length;
  const out: number[] = [];
  let pendingSpace = false;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let f: number;
    if (c < FOLD_LIMIT) {
      f = FOLD_CODE[c];
    } else if (isSpaceCode(c)) {
      f = SPACE;
    } else if (c >= 0x200b && c <= 0x200d) {
      f = DROP; // zero-width space, non-joiner, joiner
    } else {
      // Beyond Vietnamese (Greek, Cyrillic, CJK, symbols): lower-case with the engine.
      const lower = s.charAt(i).toLowerCase();
      f = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
    if (f === SPACE) {
      // A lone plain space between words is kept as is; anything else is a change.
      if (c !== 0x20 || pendingSpace || out.length === 0) changed = true;
      pendingSpace = true; // emitted only before the next visible character: collapses and trims
      continue;
    }
    if (f === DROP) {
      changed = true;
      continue;
    }
    if (pendingSpace) {
      if (out.length > 0) out.push(0x20);
      pendingSpace = false;
    }
    if (f !== c) changed = true;
    out.push(f);
  }
  if (pendingSpace) changed = true; // trailing whitespace trimmed
  return changed ? codesToString(out) : s;
}

// ---------------------------------------------------------------------------------------------
// Composition fallback (engines without String.prototype.normalize, i.e. IE11).
// ---------------------------------------------------------------------------------------------

/** Hat kinds: 0 none, 1 breve (ă), 2 circumflex (â ê ô), 3 horn (ơ ư). */
const HAT_OF_ROW = [0, 1, 2, 0, 2, 0, 0, 2, 3, 0, 3, 0];
const BASE_OF_ROW = 'aaaeeiooouuy';

function hatOfMark(code: number): number {
  if (code === MARK_BREVE) return 1;
  if (code === MARK_CIRCUMFLEX) return 2;
  if (code === MARK_HORN) return 3;
  return 0;
}

/** Precomposed or plain vowel -> packed (row << 3 | tone) | (upper ? 128 : 0); absent for other chars. */
const LETTER_INFO: { [ch: string]: number } = {};
/** base letter (in its case) + hat + tone, e.g. "a21" -> "ầ", "A21" -> "Ầ". Plain objects are the ES5 map. */
const COMPOSE: { [key: string]: string } = {};
(function buildComposeTables() {
  for (let r = 0; r < VOWEL_ROWS_LOWER.length; r++) {
    const base = BASE_OF_ROW.charAt(r);
    const hat = HAT_OF_ROW[r];
    for (let t = 0; t < TONE_COUNT; t++) {
      const lower = VOWEL_ROWS_LOWER[r].charAt(t);
      const upper = VOWEL_ROWS_UPPER[r].charAt(t);
      LETTER_INFO[lower] = (r << 3) | t;
      LETTER_INFO[upper] = (r << 3) | t | 128;
      COMPOSE[base + hat + t] = lower;
      COMPOSE[base.toUpperCase() + hat + t] = upper;
    }
  }
})();

/**
 * Composes Vietnamese letters written as base + combining marks (hat and tone in either order, or a
 * partly precomposed letter plus the missing mark) into precomposed characters. Marks that cannot
 * join (a second tone, a hat the vowel cannot take, marks on consonants) are kept as they are.
 * Exported so tests can exercise the path IE11 takes.
 */
export function composeVietnameseFallback(s: string): string {
  const n = s.length;
  let i = 0;
  // Fast exit: nothing to compose without a combining mark.
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) break;
  }
  if (i === n) return s;
  const parts: string[] = [];
  let start = 0; // start of the not-yet-copied stretch
  for (i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300 || c > 0x36f) continue;
    // s[i] starts a run of combining marks; its base is s[i - 1].
    const baseCh = s.charAt(i - 1);
    let runEnd = i;
    while (runEnd < n) {
      const m = s.charCodeAt(runEnd);
      if (m < 0x300 || m > 0x36f) break;
      runEnd++;
    }
    const info = LETTER_INFO[baseCh];
    if (info === undefined) {
      i = runEnd - 1;
      continue; // not a Vietnamese vowel: leave base and marks alone
    }
    const row = (info >> 3) & 15;
    let hat = HAT_OF_ROW[row];
    let tone = info & 7;
    const base = BASE_OF_ROW.charAt(row);
    const upper = (info & 128) !== 0;
    const left: string[] = [];
    for (let k = i; k < runEnd; k++) {
      const m = s.charCodeAt(k);
      const h = hatOfMark(m);
      const t = toneOfMark(m);
      if (h && hat === 0 && COMPOSE[base + h + tone] !== undefined) {
        hat = h;
      } else if (t && tone === 0) {
        tone = t;
      } else {
        left.push(s.charAt(k));
      }
    }
    const composed = COMPOSE[(upper ? base.toUpperCase() : base) + hat + tone];
    if (composed === undefined) {
      i = runEnd - 1;
      continue;
    }
    parts.push(s.substring(start, i - 1), composed, left.join(''));
    start = runEnd;
    i = runEnd - 1;
  }
  if (start === 0) return s;
  parts.push(s.substring(start));
  return parts.join('');
}

/**
 * Canonical composed form for display: String.prototype.normalize('NFC') where it exists, otherwise
 * composeVietnameseFallback. Does not change tone placement ("hoà" stays "hoà").
 */
export function toNfc(s: string): string {
  // Looked up on each call (a cheap property read) so tests can take it away like IE11 does.
  const nativeNormalize: ((this: string, form: string) => string) | undefined = (String.prototype as { normalize?: (this: string, form: string) => string }).normalize;
  if (nativeNormalize) return nativeNormalize.call(s, 'NFC');
  return composeVietnameseFallback(s);
}
