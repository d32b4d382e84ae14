import { foldText, toNfc } from '../text/fold';

/**
 * Reads document citations out of an evidence cell ("Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND
 * xã; QĐ 45/QĐ-UBND 20/3/2023"): type, number, symbol, issuer and date of each document.
 *
 * How: the text is folded (lower case, no diacritics, NFC and NFD alike) into a string that keeps, for
 * every character, the index of the original character it came from. One tokenising regex finds the
 * pieces (type words, numbers, dates, "năm 2023", "của …", separators) in a single left-to-right pass;
 * a small state machine then groups consecutive pieces into citations. Every quantifier in the regex
 * is bounded or followed by a different character class, so the scan stays linear on any input
 * (whitespace runs are collapsed before scanning for the same reason). ES5 only.
 */

/** Normalised document types; 'other' is a recognised type outside this list (Thông tư, Giấy mời…). */
export type DocType = 'ke-hoach' | 'quyet-dinh' | 'bao-cao' | 'cong-van' | 'thong-bao' | 'to-trinh' | 'nghi-quyet' | 'chi-thi' | 'bien-ban' | 'huong-dan' | 'other';

/** A date as cited; `day` is null for a month-year ("tháng 12/2022", "tháng 12 năm 2022"). */
export interface CitationDate {
  day: number | null;
  month: number;
  year: number;
}

export interface Citation {
  /** The matched span of the original text, composed (NFC). */
  text: string;
  /** Span in the original text: [start, end). */
  start: number;
  end: number;
  /** From the type word, else from the number's symbol (a symbol without a type is a công văn); null when unknown. */
  docType: DocType | null;
  /** The type word as written ("Kế hoạch", "QĐ"), null when none. */
  label: string | null;
  /** "12/KH-UBND", "01/2023/NQ-HĐND", "12" (spaces inside removed); null when no number is written. */
  number: string | null;
  /** The part after the number's slash: "KH-UBND", "UBND-NV"; null when none. */
  symbol: string | null;
  /** "UBND xã Thanh Xá" from "của …", else the issuing body in the symbol ("UBND" of "KH-UBND"). */
  issuer: string | null;
  date: CitationDate | null;
  /** A year without a full date: "năm 2023", or the year inside "15/2023/QĐ-UBND". Absent when `date` is set. */
  yearOnly?: number;
}

// ---------------------------------------------------------------------------------------------
// Folding with a position map
// ---------------------------------------------------------------------------------------------

interface Folded {
  /** Folded text: whitespace runs collapsed to ' ' (or '\n' when the run holds a line break). */
  text: string;
  /** For each folded character, the index of the original character it stands for; null: the same index. */
  map: number[] | null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function foldWithMap(source: string): Folded {
  // Most cells are one line of NFC text with single spaces: folding keeps every character in place.
  if (!/[\n\r\u2028\u2029]/.test(source)) {
    const quick = foldText(source);
    if (quick.length === source.length) return { text: quick, map: null };
  }
  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      const runStart = i;
      let hasBreak = false;
      while (i < n && isSpace(source.charCodeAt(i))) {
        if (isLineBreak(source.charCodeAt(i))) hasBreak = true;
        i++;
      }
      out.push(hasBreak ? '\n' : ' ');
      map.push(runStart);
      continue;
    }
    // ASCII folds by lower-casing; the rest goes through the shared Vietnamese fold (marks drop out).
    const f = c < 128 ? source.charAt(i).toLowerCase() : foldText(source.charAt(i));
    if (f.length === 1) {
      out.push(f);
      map.push(i);
    }
    i++;
  }
  return { text: out.join(''), map: map };
}

/** Web addresses carry numbers and slashes that are not citations: blank them out (same length). */
const URL_RE = /(?:https?:\/\/|www\.)[^\s;,()<>"]+/g;

function blankUrls(folded: string): string {
  if (folded.indexOf('http') < 0 && folded.indexOf('www.') < 0) return folded;
  return folded.replace(URL_RE, function (url: string): string {
    return new Array(url.length + 1).join(' ');
  });
}

// ---------------------------------------------------------------------------------------------
// Types and abbreviations
// ---------------------------------------------------------------------------------------------

/** Folded type words (one space between words) and their type. */
const TYPE_WORDS: { [folded: string]: DocType } = {
  'ke hoach': 'ke-hoach',
  'quyet dinh': 'quyet-dinh',
  'bao cao': 'bao-cao',
  'cong van': 'cong-van',
  'thong bao': 'thong-bao',
  'to trinh': 'to-trinh',
  'nghi quyet': 'nghi-quyet',
  'chi thi': 'chi-thi',
  'bien ban': 'bien-ban',
  'huong dan': 'huong-dan',
  'thong tu': 'other',
  'nghi dinh': 'other',
  'giay moi': 'other',
  'ket luan': 'other',
  'cong dien': 'other',
  'chuong trinh': 'other',
  'van ban': 'other',
};

/** Abbreviations read as a type word only when a number follows ("KH 12", "QĐ số 45"): alone they are too ambiguous. */
const TYPE_ABBREVIATIONS: { [folded: string]: DocType } = {
  kh: 'ke-hoach',
  qd: 'quyet-dinh',
  bc: 'bao-cao',
  cv: 'cong-van',
  tb: 'thong-bao',
  ttr: 'to-trinh',
  nq: 'nghi-quyet',
  vb: 'other', // "VB 5": văn bản số 5
};

/** First part of a symbol ("KH" of "KH-UBND") → type, after Nghị định 30/2020's abbreviations. */
const SYMBOL_TYPES: { [folded: string]: DocType } = {
  kh: 'ke-hoach',
  qd: 'quyet-dinh',
  bc: 'bao-cao',
  cv: 'cong-van',
  tb: 'thong-bao',
  ttr: 'to-trinh',
  nq: 'nghi-quyet',
  ct: 'chi-thi',
  bb: 'bien-ban',
  hd: 'huong-dan',
  tt: 'other',
  nd: 'other',
  gm: 'other',
  kl: 'other',
  ctr: 'other',
  qc: 'other',
  qdi: 'other',
  hdg: 'other',
  da: 'other',
  pa: 'other',
  tte: 'other',
  hdld: 'other',
};

const TYPE_WORD_PATTERN = (function (): string {
  const words: string[] = [];
  for (const w in TYPE_WORDS) if (Object.prototype.hasOwnProperty.call(TYPE_WORDS, w)) words.push(w);
  return words.join('|');
})();

const ABBREVIATION_PATTERN = (function (): string {
  const words: string[] = [];
  for (const w in TYPE_ABBREVIATIONS) if (Object.prototype.hasOwnProperty.call(TYPE_ABBREVIATIONS, w)) words.push(w);
  return words.join('|');
})();

// ---------------------------------------------------------------------------------------------
// The tokenising regex (over folded text: ASCII letters, digits, single spaces)
// ---------------------------------------------------------------------------------------------

/** Group numbers of TOKEN_RE, named so the code below reads. */
const G = {
  hardBreak: 1,
  softBreak: 2,
  wordDay: 3,
  wordMonth: 4,
  wordYear: 5,
  monthOnly: 6,
  monthYear: 7,
  numDay: 8,
  numSep: 9,
  numMonth: 10,
  numYear: 11,
  numberSo: 12,
  numberDigits: 13,
  numberSymbol: 14,
  bareSo: 15,
  bareDigits: 16,
  label: 17,
  labelDigits: 18,
  year: 19,
  issuer: 20,
};

const NOT_CONTINUED = '(?![\\d/]|[.-]\\d| ?/)';

const TOKEN_RE = new RegExp(
  [
    // 1 hard break: ";" ends a citation.
    '(;)',
    // 2 soft break: line break, ",", "và": a new number starts a new citation, a date may still attach.
    '(\\n|,|\\bva\\b)',
    // 3-5 "ngày 05 tháng 01 năm 2023" (also "ngày 5 tháng 1/2023").
    '\\bngay ?(\\d{1,2}) ?thang ?(\\d{1,2}) ?(?:nam ?|[/.-] ?)(\\d{4})(?!\\d)',
    // 6-7 "tháng 12 năm 2022", "tháng 12/2022".
    '\\bthang ?(\\d{1,2}) ?(?:nam ?|[/.-] ?)(\\d{4})(?!\\d)',
    // 8-11 "05/01/2023", "5.1.2023", "05-01-2023", "20–3–2023" (same separator twice), "20/3/23".
    '(\\d{1,2}) ?([/.\\-\\u2013]) ?(\\d{1,2}) ?\\9 ?(\\d{4}|\\d{2})(?![\\d/])',
    // 12-14 "số 12/KH-UBND", "45/QĐ-UBND", "01/2023/NQ-HĐND", "3395/QĐ- UBND", "số /KH-UBND" (number left blank).
    '(\\bso\\b ?:? ?)?(\\d{1,5}(?:/\\d{4})?)? ?/ ?([a-z][a-z0-9]*(?:[-\\u2013] ?[a-z][a-z0-9]*)*)',
    // 15-16 "số 12" with no symbol.
    '(\\bso\\b ?:? ?)(\\d{1,5})' + NOT_CONTINUED,
    // 17-18 a type word, or an abbreviation followed by a number, with an optional bare number ("BC 4").
    '\\b(' + TYPE_WORD_PATTERN + '|(?:' + ABBREVIATION_PATTERN + ')(?=\\.? ?(?:so\\b ?:? ?)?\\d))\\b\\.?(?: ?(\\d{1,5})' + NOT_CONTINUED + ')?',
    // 19 "năm 2023".
    '\\bnam ?(\\d{4})(?!\\d)',
    // 20 "của …" introduces the issuer.
    '\\b(cua) ',
  ].join('|'),
  'g',
);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function daysInMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Years a citation in a current workbook can carry; anything else is a typo, not a date. */
function plausibleYear(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

function makeDate(day: number | null, month: number, year: number): CitationDate | null {
  if (!plausibleYear(year) || month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > daysInMonth(month, year))) return null;
  return { day: day, month: month, year: year };
}

/** Whether parseCitations reads day/month/year as a date (a real day, a year from 1990 to 2100). */
export function isCitableDate(day: number, month: number, year: number): boolean {
  return makeDate(day, month, year) !== null;
}

function isCombiningMark(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

const ISSUER_STOP: { [word: string]: boolean } = {
  ve: true,
  va: true,
  ngay: true,
  so: true,
  nam: true,
  thang: true,
  tai: true,
  theo: true,
  kem: true,
  trong: true,
  de: true,
  voi: true,
  nay: true,
  ban: true,
  thuc: true,
  cong: true,
  phe: true,
};

/** Two-word openings that are not an issuer's name but what follows it. */
const ISSUER_STOP_PAIRS: { [pair: string]: boolean } = { 'ban hanh': true, 'cong bo': true, 'cong nhan': true, 'thuc hien': true, 'phe duyet': true };

/** Issuing bodies that start with a stop word ("Ban Chỉ đạo", "Công an xã"). */
const ISSUER_KEEP_PAIRS: { [pair: string]: boolean } = { 'ban chi': true, 'cong an': true, 'ban thuong': true };

// ---------------------------------------------------------------------------------------------
// Grouping tokens into citations
// ---------------------------------------------------------------------------------------------

/** A citation being assembled; positions are folded indices, -1 when absent. */
interface Draft {
  start: number;
  end: number;
  labelStart: number;
  labelEnd: number;
  labelType: DocType | null;
  /** Type carried over from the citation before ("Kế hoạch số 12 và số 13"). */
  inheritedType: DocType | null;
  numberStart: number;
  numberEnd: number;
  hasDigits: boolean;
  symbolStart: number;
  symbolEnd: number;
  numberYear: number | null;
  issuerStart: number;
  issuerEnd: number;
  date: CitationDate | null;
  yearOnly: number | null;
}

function newDraft(start: number): Draft {
  return {
    start: start,
    end: start,
    labelStart: -1,
    labelEnd: -1,
    labelType: null,
    inheritedType: null,
    numberStart: -1,
    numberEnd: -1,
    hasDigits: false,
    symbolStart: -1,
    symbolEnd: -1,
    numberYear: null,
    issuerStart: -1,
    issuerEnd: -1,
    date: null,
    yearOnly: null,
  };
}

/** Parsing state over one cell's text. */
class Reader {
  readonly source: string;
  readonly f: string;
  readonly map: number[] | null;
  /** NFD input: spans must be composed before they are shown. */
  readonly decomposed: boolean;
  readonly citations: Citation[] = [];
  current: Draft | null = null;
  previous: Draft | null = null;
  /** A line break, "," or "và" came after the last token. */
  soft = false;

  constructor(source: string) {
    const folded = foldWithMap(source);
    this.source = source;
    this.f = blankUrls(folded.text);
    this.map = folded.map;
    this.decomposed = /[\u0300-\u036f]/.test(source);
  }

  /** Original [start, end) of folded [start, end), trailing combining marks (NFD) included. */
  original(start: number, end: number): { start: number; end: number } {
    const map = this.map;
    if (map === null) return { start: start, end: end };
    const s = map[start];
    let e = map[end - 1] + 1;
    while (e < this.source.length && isCombiningMark(this.source.charCodeAt(e))) e++;
    return { start: s, end: e };
  }

  /** The original text of folded [start, end), composed. */
  slice(start: number, end: number): string {
    const o = this.original(start, end);
    return this.nfc(this.source.substring(o.start, o.end));
  }

  nfc(s: string): string {
    return this.decomposed ? toNfc(s) : s;
  }

  finish(): void {
    if (this.current) {
      this.citations.push(this.toCitation(this.current));
      this.previous = this.current;
    }
    this.current = null;
  }

  open(start: number): Draft {
    this.finish();
    const d = newDraft(start);
    this.current = d;
    return d;
  }

  toCitation(d: Draft): Citation {
    const o = this.original(d.start, d.end);
    const symbol = d.symbolStart >= 0 ? compact(this.slice(d.symbolStart, d.symbolEnd)) : null;
    const number = d.hasDigits ? compact(this.slice(d.numberStart, d.numberEnd)) : null;
    let docType: DocType | null = d.labelType;
    let issuer: string | null = d.issuerStart >= 0 ? this.slice(d.issuerStart, d.issuerEnd) : null;
    if (symbol) {
      const raw = symbol.split('-');
      const symbolType = SYMBOL_TYPES[foldText(raw[0])];
      // Nghị định 30/2020: a symbol without a type abbreviation ("819/UBND-NV") is a công văn's.
      if (docType === null) docType = symbolType || 'cong-van';
      if (issuer === null) issuer = symbolType ? (raw.length > 1 ? raw.slice(1).join('-') : null) : raw[0];
    }
    if (docType === null) docType = d.inheritedType;
    const citation: Citation = {
      text: this.nfc(this.source.substring(o.start, o.end)),
      start: o.start,
      end: o.end,
      docType: docType,
      label: d.labelStart >= 0 ? this.slice(d.labelStart, d.labelEnd).replace(/\s+/g, ' ') : null,
      number: number,
      symbol: symbol,
      issuer: issuer,
      date: d.date,
    };
    if (!d.date) {
      const year = d.yearOnly !== null ? d.yearOnly : d.numberYear;
      if (year !== null) citation.yearOnly = year;
    }
    return citation;
  }

  /** A number attaches to the open citation unless that one has a number already (or a date, and a break came between). */
  takeNumber(start: number, end: number, numberStart: number, hasDigits: boolean, symbolStart: number): void {
    let d = this.current;
    if (d === null || d.numberStart >= 0 || (d.date !== null && this.soft)) {
      const before = d || this.previous;
      const inherit = before !== null && this.soft ? before.labelType || before.inheritedType : null;
      d = this.open(start);
      if (symbolStart < 0) d.inheritedType = inherit;
    }
    d.numberStart = numberStart;
    d.numberEnd = end;
    d.hasDigits = hasDigits;
    d.symbolStart = symbolStart;
    d.symbolEnd = symbolStart >= 0 ? end : -1;
    if (hasDigits) {
      // "15/2023/QĐ-UBND": legal documents carry their year in the number.
      const y = /^\d+\/(\d{4})\//.exec(this.f.substring(numberStart, end).replace(/ /g, ''));
      if (y && plausibleYear(parseInt(y[1], 10))) d.numberYear = parseInt(y[1], 10);
    }
    extend(d, start, end);
  }

  takeDate(start: number, end: number, date: CitationDate): void {
    // "ngày 05/01/2023": the word belongs to the date.
    if (start >= 5 && this.f.substring(start - 5, start) === 'ngay ') start -= 5;
    let d = this.current;
    if (d === null || d.date !== null) d = this.open(start);
    d.date = date;
    extend(d, start, end);
  }

  takeYear(start: number, end: number, year: number): void {
    let d = this.current;
    if (d === null || d.date !== null || d.yearOnly !== null) d = this.open(start);
    d.yearOnly = year;
    extend(d, start, end);
  }

  takeLabel(start: number, labelEnd: number, type: DocType | null, digitsStart: number, digitsEnd: number): void {
    const d = this.open(start);
    d.labelStart = start;
    d.labelEnd = labelEnd;
    d.labelType = type;
    extend(d, start, labelEnd);
    if (digitsStart >= 0) {
      d.numberStart = digitsStart;
      d.numberEnd = digitsEnd;
      d.hasDigits = true;
      extend(d, start, digitsEnd);
    }
  }

  /** "của UBND xã …" right after the open citation names its issuer; returns where scanning resumes. */
  takeIssuer(start: number, end: number): number {
    const d = this.current;
    if (d === null || d.issuerStart >= 0 || start - d.end > 3 || !/^[ ,]*$/.test(this.f.substring(d.end, start))) return end;
    const issuer = readIssuer(this.f, end);
    if (!issuer) return end;
    d.issuerStart = issuer.start;
    d.issuerEnd = issuer.end;
    extend(d, start, issuer.end);
    return issuer.end;
  }
}

function extend(d: Draft, start: number, end: number): void {
  if (start < d.start) d.start = start;
  if (end > d.end) d.end = end;
}

/** "3395/QĐ- UBND" → "3395/QĐ-UBND". */
function compact(s: string): string {
  return s.replace(/\s+/g, '').replace(/\u2013/g, '-');
}

/** Regex groups that did not take part are undefined in ES5 engines and '' in some old ones: both mean absent. */
function got(m: RegExpExecArray, group: number): boolean {
  return m[group] !== undefined && m[group] !== '';
}

const SO_SPELLINGS: { [word: string]: boolean } = { số: true, so: true, sô: true };
const NAM_SPELLINGS: { [word: string]: boolean } = { năm: true, nam: true };

/** Parses every citation in an evidence cell, in text order. Empty text gives []. */
export function parseCitations(text: string): Citation[] {
  if (!text) return [];
  const r = new Reader(text);
  const f = r.f;
  const re = TOKEN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (got(m, G.hardBreak)) {
      r.finish();
      r.previous = null;
      r.soft = false;
    } else if (got(m, G.softBreak)) {
      r.soft = true;
    } else if (got(m, G.wordDay)) {
      const date = makeDate(parseInt(m[G.wordDay], 10), parseInt(m[G.wordMonth], 10), parseInt(m[G.wordYear], 10));
      if (date) r.takeDate(start, end, date);
      r.soft = false;
    } else if (got(m, G.monthOnly)) {
      const date = makeDate(null, parseInt(m[G.monthOnly], 10), parseInt(m[G.monthYear], 10));
      if (date) r.takeDate(start, end, date);
      r.soft = false;
    } else if (got(m, G.numDay)) {
      // Not inside a longer run of numbers ("1/12/01/2023"); two-digit years only with slashes ("20/3/23").
      const shortYear = m[G.numYear].length === 2;
      if ((start > 0 && /[\d/]/.test(f.charAt(start - 1))) || (shortYear && m[G.numSep] !== '/')) {
        re.lastIndex = start + 1;
        continue;
      }
      const date = makeDate(parseInt(m[G.numDay], 10), parseInt(m[G.numMonth], 10), parseInt(m[G.numYear], 10) + (shortYear ? 2000 : 0));
      if (date) r.takeDate(start, end, date);
      r.soft = false;
    } else if (got(m, G.numberSymbol)) {
      const resume = readNumber(r, m, start, end);
      if (resume < 0) {
        re.lastIndex = start + 1;
        continue;
      }
      re.lastIndex = resume;
      r.soft = false;
    } else if (got(m, G.bareDigits)) {
      if (!SO_SPELLINGS[r.slice(start, start + 2).toLowerCase()]) {
        re.lastIndex = start + 1; // "hồ sơ 12", "sổ 3": not "số"
        continue;
      }
      r.takeNumber(start, end, start + m[G.bareSo].length, true, -1);
      r.soft = false;
    } else if (got(m, G.label)) {
      const word = m[G.label];
      const type = TYPE_WORDS[word] || TYPE_ABBREVIATIONS[word] || null;
      const digits = got(m, G.labelDigits) ? m[G.labelDigits] : '';
      r.takeLabel(start, start + word.length, type, digits ? end - digits.length : -1, end);
      r.soft = false;
    } else if (got(m, G.year)) {
      const word = r.slice(start, start + 3);
      const year = parseInt(m[G.year], 10);
      // "Nam" with a capital and no breve is a name ("Việt Nam 2023"), not "năm".
      if (word === 'Nam' || !NAM_SPELLINGS[word.toLowerCase()] || !plausibleYear(year)) {
        re.lastIndex = start + 1;
        continue;
      }
      r.takeYear(start, end, year);
      r.soft = false;
    } else if (got(m, G.issuer)) {
      re.lastIndex = r.takeIssuer(start, end);
    }
  }
  r.finish();
  return r.citations;
}

/**
 * A "số 12/KH-UBND" token: checks what the regex cannot (that "so" is the word "số", that a number left
 * blank is followed by a capital symbol, where a symbol ends) and hands it to the reader. Returns the
 * folded index to resume scanning at, or -1 when the match is not a number.
 */
function readNumber(r: Reader, m: RegExpExecArray, start: number, end: number): number {
  const f = r.f;
  const so = got(m, G.numberSo) ? m[G.numberSo] : '';
  const hasDigits = got(m, G.numberDigits);
  const symbolStart = end - m[G.numberSymbol].length;
  const soIsWord = so !== '' && SO_SPELLINGS[r.slice(start, start + 2).toLowerCase()] === true;
  const symbolText = r.slice(symbolStart, end);
  const capital = /^[A-ZĐ]/.test(symbolText);
  // "số /KH-UBND" (number left blank in a draft) counts; a bare "/abc" elsewhere ("và/hoặc") does not.
  if (!hasDigits && (!soIsWord || !capital)) return -1;
  // Symbol parts after the first are capitals ("KH-UBND"); a lower-case word after a dash is prose.
  let cut = end;
  if (capital) {
    const partRe = /[-\u2013] ?[a-z][a-z0-9]*/g;
    const part = f.substring(symbolStart, end);
    let pm: RegExpExecArray | null;
    while ((pm = partRe.exec(part)) !== null) {
      const word = r.slice(symbolStart + pm.index, symbolStart + pm.index + pm[0].length).replace(/^[-\u2013] ?/, '');
      if (!/^[A-ZĐ]/.test(word)) {
        cut = symbolStart + pm.index;
        break;
      }
    }
  }
  const numberStart = start + so.length;
  r.takeNumber(soIsWord ? start : numberStart, cut, numberStart, hasDigits, symbolStart);
  return cut;
}

/** "UBND xã Thanh Xá" after "của ": up to six words, stopping at punctuation, numbers and linking words. */
function readIssuer(f: string, from: number): { start: number; end: number } | null {
  const wordRe = /[a-z0-9]+/g;
  wordRe.lastIndex = from;
  let end = -1;
  let count = 0;
  let at = from;
  let wm: RegExpExecArray | null;
  while (count < 6 && (wm = wordRe.exec(f)) !== null) {
    // Only a space may lie between words: punctuation or a line break ends the issuer.
    if (!/^ ?$/.test(f.substring(at, wm.index))) break;
    const word = wm[0];
    if (/^\d/.test(word)) break;
    const next = /^ ([a-z]+)/.exec(f.substring(wm.index + word.length, wm.index + word.length + 20));
    const pair = next ? word + ' ' + next[1] : '';
    if ((ISSUER_STOP[word] || ISSUER_STOP_PAIRS[pair] || TYPE_WORDS[pair]) && !ISSUER_KEEP_PAIRS[pair]) break;
    end = wm.index + word.length;
    at = end;
    count++;
  }
  return end > from ? { start: from, end: end } : null;
}
