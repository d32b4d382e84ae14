/**
 * Pre-Unicode Vietnamese encodings still found in commune spreadsheets: TCVN3 (ABC, ".Vn…" fonts)
 * and VNI (VNI-Windows, "VNI-…" fonts). Excel stores such text as the Windows-1252 characters of
 * the font's byte codes (all within U+00A0-U+00FF for the letters); the font draws them as
 * Vietnamese. Decoding turns them into Unicode NFC.
 *
 * Tables cross-checked against independent open-source converters (byte positions, not code):
 *  - TCVN3: lamdao/xvnkb `tcvn.h` (xvnkb keyboard, Dao Hai Lam, 2002);
 *           duydev/vietnamese-conversion `src/charsets.ts` (npm "vietnamese-conversion");
 *           Eruylz/XuatThuy `Utils/Unicode2TCVN3.cs` and backupvietsoft/HRM `ConvertVNI/XtraForm1.cs`
 *           (both the 67 lowercase letters + Ă Â Ê Ô Ơ Ư Đ, same codes).
 *  - VNI:   lamdao/xvnkb `vni.h` (every vowel x tone, upper and lower case);
 *           duydev/vietnamese-conversion `src/charsets.ts`.
 * All sources agree on every code used below. TCVN3 (TCVN 5712:1993 "VN3") has single codes for the
 * 67 lowercase letters (12 vowels x 6 tones, less the 6 plain ASCII vowels, plus đ) but, of the capitals,
 * only Ă Â Ê Ô Ơ Ư Đ; other capitals are written with the "H" fonts (.VnTimeH…), whose glyphs for the
 * lowercase codes are capitals. VNI writes a vowel as base letter + one mark character (or one
 * character for i, ơ, ư, ỵ and đ), with upper-case marks after upper-case bases.
 *
 * ES5 only (IE11): plain objects and arrays as tables, built once at module load.
 */
import { TONE_COUNT, VOWEL_ROWS_LOWER, VOWEL_ROWS_UPPER, toNfc } from './fold';

export type LegacyEncoding = 'tcvn3' | 'vni';

// Row order is that of VOWEL_ROWS_*: a ă â e ê i o ô ơ u ư y; tone order: none, grave, acute, hook, tilde, dot.
// 0 stands for "the plain ASCII vowel" (a, e, i, o, u, y have no code of their own).
const TCVN3_LOWER_CODES: number[][] = [
  [0, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9], // a à á ả ã ạ
  [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6], // ă ằ ắ ẳ ẵ ặ
  [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb], // â ầ ấ ẩ ẫ ậ
  [0, 0xcc, 0xd0, 0xce, 0xcf, 0xd1], // e è é ẻ ẽ ẹ
  [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6], // ê ề ế ể ễ ệ
  [0, 0xd7, 0xdd, 0xd8, 0xdc, 0xde], // i ì í ỉ ĩ ị
  [0, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4], // o ò ó ỏ õ ọ
  [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9], // ô ồ ố ổ ỗ ộ
  [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee], // ơ ờ ớ ở ỡ ợ
  [0, 0xef, 0xf3, 0xf1, 0xf2, 0xf4], // u ù ú ủ ũ ụ
  [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9], // ư ừ ứ ử ữ ự  (ư is U+00AD, the soft hyphen)
  [0, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe], // y ỳ ý ỷ ỹ ỵ
];
const TCVN3_D_LOWER = 0xae; // đ
/** The only capitals with a TCVN3 code of their own. */
const TCVN3_CAPITALS: Array<[string, number]> = [
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
];

/** Per vowel row, the TCVN3 code of its toneless capital where the row has a hat (Ă Â Ê Ô Ơ Ư). */
const TCVN3_CAPITAL_OF_ROW = [0, 0xa1, 0xa2, 0, 0xa3, 0, 0, 0xa4, 0xa5, 0, 0xa6, 0];

// VNI marks, lower case (upper case = code - 0x20). Tone marks follow any vowel; hat marks only a/e/o (circumflex)
// or a (breve), and carry the tone with them.
const VNI_TONE_MARKS = [0, 0xf8, 0xf9, 0xfb, 0xf5, 0xef]; // ø ù û õ ï
const VNI_CIRCUMFLEX_MARKS = [0xe2, 0xe0, 0xe1, 0xe5, 0xe3, 0xe4]; // â à á å ã ä
const VNI_BREVE_MARKS = [0xea, 0xe8, 0xe9, 0xfa, 0xfc, 0xeb]; // ê è é ú ü ë
/** VNI letters written as one character (lower case; upper case = code - 0x20). */
const VNI_I_ROW = [0x69, 0xec, 0xed, 0xe6, 0xf3, 0xf2]; // i ì í æ ó ò
const VNI_Y_DOT = 0xee; // î = ỵ
const VNI_O_HORN = 0xf4; // ô = ơ
const VNI_U_HORN = 0xf6; // ö = ư
const VNI_D = 0xf1; // ñ = đ

// ---------------------------------------------------------------------------------------------
// Tables, built once.
// ---------------------------------------------------------------------------------------------

/** TCVN3 code (index 0..255) -> Unicode letter; undefined where the code is not a letter. */
const TCVN3_DECODE: Array<string | undefined> = [];
/**
 * Some converters write a capital that TCVN3 lacks as its toneless capital followed by the lowercase
 * toned code ("A¸" for Á). Read such pairs as the capital: "Aá" is never Vietnamese.
 */
const TCVN3_CAPITAL_PAIRS: { [pair: string]: string } = {};
/** Codes that can start such a pair: A E I O U Y and the TCVN3 capitals Ă Â Ê Ô Ơ Ư. */
const TCVN3_PAIR_HEAD: boolean[] = [];
/** Unicode letter -> TCVN3 character. Capitals without a code map to their lowercase code: right letter, wrong case. */
const TCVN3_ENCODE: { [ch: string]: string } = {};
/** VNI base + mark, keyed by (base code << 8 | mark code) -> Unicode letter. Numbers, not substrings: this is hot. */
const VNI_PAIRS: { [key: number]: string } = {};
/** Codes that can start a VNI pair (the vowels, ơ and ư). */
const VNI_IS_BASE: boolean[] = [];
/** VNI single character -> Unicode letter (i row, ơ, ư, ỵ, đ, both cases). */
const VNI_SINGLE: { [ch: string]: string } = {};
/** Unicode letter -> VNI string. */
const VNI_ENCODE: { [ch: string]: string } = {};

function chr(code: number): string {
  return String.fromCharCode(code);
}

(function buildTables() {
  for (let r = 0; r < VOWEL_ROWS_LOWER.length; r++) {
    const lowerRow = VOWEL_ROWS_LOWER[r];
    const upperRow = VOWEL_ROWS_UPPER[r];
    for (let t = 0; t < TONE_COUNT; t++) {
      const code = TCVN3_LOWER_CODES[r][t];
      if (code === 0) continue;
      TCVN3_DECODE[code] = lowerRow.charAt(t);
      TCVN3_ENCODE[lowerRow.charAt(t)] = chr(code);
      TCVN3_ENCODE[upperRow.charAt(t)] = chr(code);
    }
  }
  for (let r = 0; r < VOWEL_ROWS_LOWER.length; r++) {
    const head = TCVN3_LOWER_CODES[r][0] ? TCVN3_CAPITAL_OF_ROW[r] : VOWEL_ROWS_UPPER[r].charCodeAt(0);
    TCVN3_PAIR_HEAD[head] = true;
    for (let t = 1; t < TONE_COUNT; t++) {
      TCVN3_CAPITAL_PAIRS[chr(head) + chr(TCVN3_LOWER_CODES[r][t])] = VOWEL_ROWS_UPPER[r].charAt(t);
    }
  }
  TCVN3_DECODE[TCVN3_D_LOWER] = 'đ';
  TCVN3_ENCODE['đ'] = chr(TCVN3_D_LOWER);
  for (let k = 0; k < TCVN3_CAPITALS.length; k++) {
    TCVN3_DECODE[TCVN3_CAPITALS[k][1]] = TCVN3_CAPITALS[k][0];
    TCVN3_ENCODE[TCVN3_CAPITALS[k][0]] = chr(TCVN3_CAPITALS[k][1]);
  }

  // VNI. base: the letter the mark follows; marks: per tone.
  const addPair = (baseLower: number, markLower: number, lower: string, upper: string, encode: boolean) => {
    const baseUpper = baseLower - 0x20;
    const markUpper = markLower - 0x20;
    // The base's case decides the letter's case; the mark's case is accepted either way when decoding.
    VNI_PAIRS[(baseLower << 8) | markLower] = lower;
    VNI_PAIRS[(baseLower << 8) | markUpper] = lower;
    VNI_PAIRS[(baseUpper << 8) | markUpper] = upper;
    VNI_PAIRS[(baseUpper << 8) | markLower] = upper;
    VNI_IS_BASE[baseLower] = true;
    VNI_IS_BASE[baseUpper] = true;
    if (encode) {
      VNI_ENCODE[lower] = chr(baseLower) + chr(markLower);
      VNI_ENCODE[upper] = chr(baseUpper) + chr(markUpper);
    }
  };
  const addSingle = (codeLower: number, lower: string, upper: string) => {
    VNI_SINGLE[chr(codeLower)] = lower;
    VNI_SINGLE[chr(codeLower - 0x20)] = upper;
    VNI_ENCODE[lower] = chr(codeLower);
    VNI_ENCODE[upper] = chr(codeLower - 0x20);
  };
  const ROW_BASE = [0x61, 0x61, 0x61, 0x65, 0x65, 0x69, 0x6f, 0x6f, VNI_O_HORN, 0x75, VNI_U_HORN, 0x79];
  const ROW_MARKS = [
    VNI_TONE_MARKS,
    VNI_BREVE_MARKS,
    VNI_CIRCUMFLEX_MARKS,
    VNI_TONE_MARKS,
    VNI_CIRCUMFLEX_MARKS,
    VNI_TONE_MARKS,
    VNI_TONE_MARKS,
    VNI_CIRCUMFLEX_MARKS,
    VNI_TONE_MARKS,
    VNI_TONE_MARKS,
    VNI_TONE_MARKS,
    VNI_TONE_MARKS,
  ];
  for (let r = 0; r < VOWEL_ROWS_LOWER.length; r++) {
    const lowerRow = VOWEL_ROWS_LOWER[r];
    const upperRow = VOWEL_ROWS_UPPER[r];
    for (let t = 0; t < TONE_COUNT; t++) {
      const lower = lowerRow.charAt(t);
      const upper = upperRow.charAt(t);
      if (r === 5) {
        // i: one character per tone in VNI; "i" + tone mark is not standard but read anyway.
        if (t > 0) {
          addSingle(VNI_I_ROW[t], lower, upper);
          addPair(0x69, VNI_TONE_MARKS[t], lower, upper, false);
        }
        continue;
      }
      if (r === 11 && t === 5) {
        addSingle(VNI_Y_DOT, lower, upper); // ỵ is one character; "y" + dot mark read anyway
        addPair(0x79, VNI_TONE_MARKS[t], lower, upper, false);
        continue;
      }
      const mark = ROW_MARKS[r][t];
      if (mark === 0) {
        // Toneless row head: plain ASCII vowel, or ơ/ư (single characters).
        if (r === 8) addSingle(VNI_O_HORN, lower, upper);
        if (r === 10) addSingle(VNI_U_HORN, lower, upper);
        continue;
      }
      addPair(ROW_BASE[r], mark, lower, upper, true);
    }
  }
  addSingle(VNI_D, 'đ', 'Đ');
})();

// ---------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------

/**
 * Font name -> encoding: TCVN3 fonts start with ".Vn" (".VnTime", ".VnTimeH", ".VnArial"…), VNI fonts
 * with "VNI-" or "VNI " ("VNI-Times", "VNI-Helve"…). Case-insensitive. Unknown or absent -> null.
 */
export function encodingFromFont(font: string | undefined | null): LegacyEncoding | null {
  if (!font) return null;
  const name = trimLeft(font).toLowerCase();
  if (name.substring(0, 3) === '.vn') return 'tcvn3';
  const head = name.substring(0, 4);
  if (head === 'vni-' || head === 'vni ') return 'vni';
  return null;
}

/** ".VnTimeH", ".VnArialH": TCVN3 fonts whose glyphs are all capitals. */
function isTcvn3UpperFont(font: string | null | undefined): boolean {
  if (!font) return false;
  const name = trimRight(font);
  const last = name.charAt(name.length - 1);
  // "H" by convention; accept "h" only when the whole name was lower-cased by some tool.
  return last === 'H' || (last === 'h' && name === name.toLowerCase());
}

function trimLeft(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 0x20) i++;
  return i ? s.substring(i) : s;
}

function trimRight(s: string): string {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) <= 0x20) i--;
  return i < s.length ? s.substring(0, i) : s;
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/**
 * TCVN3 (ABC) text stored as Windows-1252/Latin-1 code points -> Unicode NFC.
 * "§iÓm tèi ®a" -> "Điểm tối đa". `upperFont` for the "H" fonts (.VnTimeH…), whose glyphs are capitals:
 * the result is then upper-cased.
 */
export function decodeTcvn3(s: string, upperFont?: boolean): string {
  const n = s.length;
  let parts: string[] | null = null;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41 || (c > 0x59 && c < 0xa1) || c > 0xfe) continue;
    let u: string | undefined;
    let width = 1;
    if (TCVN3_PAIR_HEAD[c] && i + 1 < n && s.charCodeAt(i + 1) >= 0xb5) {
      u = TCVN3_CAPITAL_PAIRS[s.substring(i, i + 2)];
      if (u !== undefined) width = 2;
    }
    if (u === undefined) {
      u = TCVN3_DECODE[c];
      if (u === undefined) continue;
    }
    if (!parts) parts = [];
    parts.push(s.substring(start, i), u);
    start = i + width;
    i += width - 1;
  }
  let out = s;
  if (parts) {
    parts.push(s.substring(start));
    out = parts.join('');
  }
  // toUpperCase maps every Vietnamese letter to its capital (đ -> Đ, ự -> Ự) in ES5 engines too.
  return upperFont ? out.toUpperCase() : out;
}

/** VNI (base letter + mark character) -> Unicode NFC. "Ñieåm toái ña" -> "Điểm tối đa". */
export function decodeVni(s: string): string {
  const n = s.length;
  let parts: string[] | null = null;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let u: string | undefined;
    let width = 1;
    if (c < 0x41) continue;
    if (VNI_IS_BASE[c] && i + 1 < n) {
      const m = s.charCodeAt(i + 1);
      if (m >= 0xc0 && m <= 0xff) {
        u = VNI_PAIRS[(c << 8) | m];
        if (u !== undefined) width = 2;
      }
    }
    if (u === undefined) {
      if (c < 0xc0) continue; // every single VNI letter lies in U+00C0-U+00FF
      u = VNI_SINGLE[s.charAt(i)];
      if (u === undefined) continue;
    }
    if (!parts) parts = [];
    parts.push(s.substring(start, i), u);
    start = i + width;
    i += width - 1;
  }
  if (!parts) return s;
  parts.push(s.substring(start));
  return parts.join('');
}

/** Decodes with the given encoding; for TCVN3 the font name tells whether it is an upper-case "H" font. */
export function decodeLegacy(s: string, encoding: LegacyEncoding, font?: string | null): string {
  return encoding === 'tcvn3' ? decodeTcvn3(s, isTcvn3UpperFont(font)) : decodeVni(s);
}

// ---------------------------------------------------------------------------------------------
// Encoding (test fixtures)
// ---------------------------------------------------------------------------------------------

function encodeWith(table: { [ch: string]: string }, s: string): string {
  const text = toNfc(s);
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const e = table[text.charAt(i)];
    if (e === undefined) continue;
    parts.push(text.substring(start, i), e);
    start = i + 1;
  }
  if (start === 0) return text;
  parts.push(text.substring(start));
  return parts.join('');
}

/**
 * Unicode Vietnamese -> TCVN3 characters, for building test fixtures. Capitals other than Ă Â Ê Ô Ơ Ư Đ
 * have no TCVN3 code and come out as their lowercase code (what a .VnTime font can show).
 */
export function encodeTcvn3(s: string): string {
  return encodeWith(TCVN3_ENCODE, s);
}

/** Unicode Vietnamese -> VNI characters, for building test fixtures. */
export function encodeVni(s: string): string {
  return encodeWith(VNI_ENCODE, s);
}

// ---------------------------------------------------------------------------------------------
// Guessing the encoding of text without font information
// ---------------------------------------------------------------------------------------------

/*
 * Both encodings reuse Latin-1 letters that Unicode Vietnamese also uses (á, ê, ô, Ó…), so single
 * characters prove little. Instead every word holding a Latin-1 character is decoded both ways and
 * checked against Vietnamese spelling (onset + vowel cluster + final consonant + tone rules). An
 * encoding scores a point for each word it turns from a non-syllable into a syllable, and loses one
 * for the reverse; ordinary Unicode words are already syllables, so they never score.
 */

const VOWEL_BASE: { [ch: string]: string } = {}; // toned lowercase vowel -> toneless vowel (keeping hat)
const VOWEL_TONE: { [ch: string]: number } = {};
(function buildVowelInfo() {
  for (let r = 0; r < VOWEL_ROWS_LOWER.length; r++) {
    const row = VOWEL_ROWS_LOWER[r];
    for (let t = 0; t < TONE_COUNT; t++) {
      VOWEL_BASE[row.charAt(t)] = row.charAt(0);
      VOWEL_TONE[row.charAt(t)] = t;
    }
  }
})();
const CONSONANTS = 'bcdđghklmnpqrstvx';
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
/** Vowel clusters: 1 = open syllables only, 2 = needs a final consonant, 3 = either. */
const NUCLEI: { [v: string]: number } = {
  a: 3,
  e: 3,
  ê: 3,
  i: 3,
  o: 3,
  ô: 3,
  ơ: 3,
  u: 3,
  ư: 3,
  y: 1,
  ă: 2,
  â: 2,
  ai: 1,
  ao: 1,
  au: 1,
  ay: 1,
  âu: 1,
  ây: 1,
  eo: 1,
  êu: 1,
  ia: 1,
  iu: 1,
  oi: 1,
  ôi: 1,
  ơi: 1,
  ua: 1,
  ui: 1,
  ưa: 1,
  ưi: 1,
  ưu: 1,
  uơ: 1,
  iê: 2,
  yê: 2,
  uô: 2,
  ươ: 2,
  oă: 2,
  uâ: 2,
  uyê: 2,
  oa: 3,
  oe: 3,
  uê: 3,
  uy: 3,
  iêu: 1,
  yêu: 1,
  oai: 1,
  oao: 1,
  oay: 1,
  oeo: 1,
  uây: 1,
  uôi: 1,
  uya: 1,
  uyu: 1,
  ươi: 1,
  ươu: 1,
};
/**
 * Which vowel of a cluster may carry the tone (indexes into the cluster); absent means the first.
 * oa, oe, uy allow both the old ("hoà") and the new ("hòa") placement.
 */
const TONE_AT: { [v: string]: string } = {
  uơ: '1',
  iê: '1',
  yê: '1',
  uô: '1',
  ươ: '1',
  oă: '1',
  uâ: '1',
  uê: '1',
  uyê: '2',
  oa: '01',
  oe: '01',
  uy: '01',
  iêu: '1',
  yêu: '1',
  oai: '1',
  oao: '1',
  oay: '1',
  oeo: '1',
  uây: '1',
  uôi: '1',
  uya: '1',
  uyu: '1',
  ươi: '1',
  ươu: '1',
};
const CODAS: { [c: string]: number } = { c: 1, ch: 1, m: 1, n: 1, ng: 1, nh: 1, p: 1, t: 1 };
/** Clusters that take -nh/-ch. */
const PALATAL_OK: { [v: string]: number } = { a: 1, ê: 1, i: 1, oa: 1, uê: 1, uy: 1 };
/** Clusters that never take -ng/-c. */
const VELAR_BAD: { [v: string]: number } = { i: 1, ê: 1, y: 1, ơ: 1, uy: 1, uê: 1 };
const VOWEL_CHARS = 'aăâeêioôơuưy';

/** True when a lower-case word is a well-formed Vietnamese syllable. */
function isSyllable(word: string): boolean {
  const plain: string[] = [];
  let tone = 0;
  let toneAt = -1;
  for (let i = 0; i < word.length; i++) {
    const ch = word.charAt(i);
    const base = VOWEL_BASE[ch];
    if (base !== undefined) {
      const t = VOWEL_TONE[ch];
      if (t) {
        if (tone) return false; // two tone marks
        tone = t;
        toneAt = i;
      }
      plain.push(base);
    } else if (CONSONANTS.indexOf(ch) >= 0) {
      plain.push(ch);
    } else {
      return false;
    }
  }
  const p = plain.join('');
  for (let k = 0; k < ONSETS.length; k++) {
    const onset = ONSETS[k];
    if (p.substring(0, onset.length) !== onset) continue;
    if (isRhyme(onset, p.substring(onset.length), tone, toneAt - onset.length)) return true;
  }
  return false;
}

/** `toneAt`: index of the toned vowel within `rest` (meaningless when tone is 0). */
function isRhyme(onset: string, rest: string, tone: number, toneAt: number): boolean {
  let v = 0;
  while (v < rest.length && VOWEL_CHARS.indexOf(rest.charAt(v)) >= 0) v++;
  if (v === 0) return false;
  let nucleus = rest.substring(0, v);
  const coda = rest.substring(v);
  if (onset === 'qu' && nucleus.charAt(0) === 'y') {
    // "quýt", "quỳnh", "quyết": the u of qu is the medial of uy/uyê.
    nucleus = 'u' + nucleus;
    toneAt++;
  }
  const kind = NUCLEI[nucleus];
  if (!kind) return false;
  if (tone && (TONE_AT[nucleus] || '0').indexOf(String(toneAt)) < 0) return false;
  if (coda === '') {
    if (kind === 2) return false;
  } else {
    if (kind === 1 || !CODAS[coda]) return false;
    if ((coda === 'nh' || coda === 'ch') && !PALATAL_OK[nucleus]) return false;
    if ((coda === 'ng' || coda === 'c') && VELAR_BAD[nucleus]) return false;
    // Stop finals take only the acute or the dot-below tone.
    if ((coda === 'c' || coda === 'ch' || coda === 'p' || coda === 't') && tone !== 2 && tone !== 5) return false;
  }
  // Spelling: k/gh/ngh before e ê i y, c/g/ng elsewhere.
  const first = nucleus.charAt(0);
  const front = first === 'e' || first === 'ê' || first === 'i' || first === 'y';
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !front) return false;
  if ((onset === 'c' || onset === 'ng') && front) return false;
  return true;
}

/** "QĐ", "HĐND", "ĐG": capital abbreviations with Đ, common in headers; legacy text writes the Đ as § or Ñ. */
function isAbbreviationWithD(word: string): boolean {
  let hasD = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x110) hasD = true;
    else if (c < 0x41 || c > 0x5a) return false;
  }
  return hasD;
}

/**
 * Whether a word reads as Vietnamese: a syllable in any case, or a capital abbreviation with Đ.
 * `asStored`: the word is the cell's own text, where a capital after a lower-case letter ("chÊm",
 * "iÓm") is how TCVN3 looks when read as Latin-1, never how a Vietnamese word is written. (Decoded
 * TCVN3 may mix case legitimately: capitals without a code of their own come out in lower case, "BảNG".)
 */
function readsAsVietnamese(word: string, asStored: boolean): boolean {
  const lower = word.toLowerCase();
  if (asStored) {
    for (let i = 1; i < word.length; i++) {
      const prev = word.charAt(i - 1);
      const ch = word.charAt(i);
      if (prev === lower.charAt(i - 1) && prev !== prev.toUpperCase() && ch !== lower.charAt(i)) return false;
    }
  }
  return isSyllable(lower) || isAbbreviationWithD(word);
}

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return (c >= 0xa1 && c <= 0x24f) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff);
}

/** Per-word scores, remembered: a workbook repeats the same few hundred words across thousands of cells. */
let scoreCache: { [key: string]: number } = {};
let scoreCacheSize = 0;

/** (TCVN3 score + 1) * 3 + (VNI score + 1), each score -1, 0 or 1. */
function wordScores(word: string): number {
  const key = '#' + word; // never an Object.prototype name
  const known = scoreCache[key];
  if (known !== undefined) return known;
  const asIs = readsAsVietnamese(word, true) ? 1 : 0;
  const t = decodeTcvn3(word);
  const tcvn = t !== word ? (readsAsVietnamese(t, false) ? 1 : 0) - asIs : 0;
  const v = decodeVni(word);
  const vni = v !== word ? (readsAsVietnamese(v, false) ? 1 : 0) - asIs : 0;
  const packed = (tcvn + 1) * 3 + (vni + 1);
  if (scoreCacheSize >= 20000) {
    scoreCache = {};
    scoreCacheSize = 0;
  }
  scoreCache[key] = packed;
  scoreCacheSize++;
  return packed;
}

/**
 * Heuristic for cells with no font information: 'tcvn3' or 'vni' when the text's Latin-1 characters
 * read as Vietnamese syllables in that encoding but not as they stand; null for ordinary Unicode
 * Vietnamese, plain ASCII, or text that fits neither.
 */
export function guessLegacyEncoding(s: string): LegacyEncoding | null {
  const n = s.length;
  let tcvn = 0;
  let vni = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(s.charCodeAt(i))) i++;
    const start = i;
    let latin1 = false;
    while (i < n && isWordCode(s.charCodeAt(i))) {
      const c = s.charCodeAt(i);
      if (c >= 0xa1 && c <= 0xff) latin1 = true;
      i++;
    }
    // One-character words prove nothing: "«", "·", "¶" would read as the TCVN3 words "ô", "ã", "ả".
    if (!latin1 || i - start < 2) continue;
    const packed = wordScores(s.substring(start, i));
    tcvn += ((packed / 3) | 0) - 1;
    vni += (packed % 3) - 1;
  }
  if (tcvn > 0 && tcvn > vni) return 'tcvn3';
  if (vni > 0 && vni > tcvn) return 'vni';
  return null;
}
