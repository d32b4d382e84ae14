import { foldText } from '../text/fold';
import { Citation, isCitableDate, parseCitations } from './citations';

/**
 * Decides whether one evidence cell's documents belong to the assessment year.
 *
 * - 'empty': nothing but spaces or punctuation (missing evidence is another check's business);
 * - 'unparsed': text that cites no document number, symbol, date or year ("Có", "Ảnh chụp bảng niêm yết");
 * - 'reference': points at another criterion's evidence ("Như tài liệu kiểm chứng tại tiêu chí 1.2.1");
 * - 'no-date': documents are cited by number but none has a date or year ("Kế hoạch số 20/KH-UBND");
 * - 'undecided': dates are cited but the assessment year is not known;
 * - 'in-period': at least one cited date or year lies in the assessment year (or counts as such);
 * - 'out-of-period': every cited date or year lies outside it.
 *
 * A year mention counts as a date at year precision: "Sổ theo dõi hồ sơ liên thông năm 2023" is in
 * period for 2023 and out of period for 2024; it is never 'unparsed'.
 */
export type EvidenceVerdict = 'empty' | 'unparsed' | 'reference' | 'no-date' | 'undecided' | 'in-period' | 'out-of-period';

export interface EvidenceJudgement {
  verdict: EvidenceVerdict;
  citations: Citation[];
  /** The dated citations outside the assessment year (every dated one when the verdict is 'out-of-period'). */
  outside: Citation[];
}

/** Months of the previous year in which a plan for the assessment year may be issued (its fourth quarter). */
const PLAN_FROM_MONTH = 10;

/**
 * Whether a citation's date falls in the assessment year: its year is the assessment year, or it is a
 * plan (Kế hoạch) issued in October–December of the year before. Null when the citation has no date or year.
 */
export function citationInPeriod(citation: Citation, year: number): boolean | null {
  const date = citation.date;
  if (date) {
    if (date.year === year) return true;
    return citation.docType === 'ke-hoach' && date.year === year - 1 && date.month >= PLAN_FROM_MONTH;
  }
  if (citation.yearOnly !== undefined) return citation.yearOnly === year;
  return null;
}

function isDated(c: Citation): boolean {
  return c.date !== null || c.yearOnly !== undefined;
}

/** "Như TLKC tiêu chí 1.2.1", "xem mục 3.1", "tại tiêu chí thành phần 1.2.1": the evidence lives elsewhere. */
const REFERENCE_RE = /\b(?:nhu (?:tai lieu kiem chung|tlkc|minh chung|tieu chi|muc)|(?:tieu chi|tc|muc|chi so)(?: thanh phan)? ?\d+(?:\.\d+)+)/;

export function judgeEvidence(text: string, year: number | null): EvidenceJudgement {
  const citations = parseCitations(text);
  const judged = function (verdict: EvidenceVerdict, outside?: Citation[]): EvidenceJudgement {
    return { verdict: verdict, citations: citations, outside: outside || [] };
  };
  if (!/[0-9A-Za-z\u00c0-\u1ef9]/.test(text)) return judged('empty');
  const dated: Citation[] = [];
  let numbered = false;
  for (let i = 0; i < citations.length; i++) {
    if (isDated(citations[i])) dated.push(citations[i]);
    if (citations[i].number !== null || citations[i].symbol !== null) numbered = true;
  }
  if (dated.length === 0) {
    if (numbered) return judged('no-date');
    return judged(REFERENCE_RE.test(foldText(text)) ? 'reference' : 'unparsed');
  }
  if (year === null) return judged('undecided');
  const outside: Citation[] = [];
  for (let i = 0; i < dated.length; i++) if (!citationInPeriod(dated[i], year)) outside.push(dated[i]);
  return judged(outside.length === dated.length ? 'out-of-period' : 'in-period', outside);
}

/** "05/01/2023", "5.1.2023", "05-01-2023" typed tightly, as the parser reads them (same separator twice). */
const TIGHT_DATE_RE = /(\d{1,2}) ?([\/.\-\u2013]) ?(\d{1,2}) ?\2 ?(\d{4})(?![\d\/\u00ad\u200b-\u200d\u0300-\u036f])/g;

/** What may stand before such a date for the parser to read it the same: nothing, a space, some punctuation (a letter may end a symbol: "UBND29/02/2024"). */
const BEFORE_DATE_RE = /[\s(,;:]/;

/**
 * A cheap proof that a cell needs no flag: it holds a valid numeric date of `year` (of any year when
 * `year` is null) that parseCitations reads as a date too. True implies that judgeEvidence(text, year)
 * gives 'in-period' ('undecided' without a year); false proves nothing. Most evidence cells are dated in
 * the year, so the check step calls this first and parses only the cells it cannot clear (the full
 * parse costs about ten times more).
 */
/** The year as text, kept for the next leaf (every leaf of a table asks for the same year). */
let lastYear = NaN;
let lastYearText = '';

function yearText(year: number): string {
  if (year !== lastYear) {
    lastYear = year;
    lastYearText = String(year);
  }
  return lastYearText;
}

export function citesDateInYear(text: string, year: number | null): boolean {
  if (year !== null ? text.indexOf(yearText(year)) < 0 : !/\d/.test(text)) return false;
  // Web addresses are blanked before parsing: let the parser decide.
  if (/https?:|www\./i.test(text)) return false;
  const re = TIGHT_DATE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = m.index > 0 ? text.charAt(m.index - 1) : ' ';
    const y = parseInt(m[4], 10);
    if ((year === null || y === year) && BEFORE_DATE_RE.test(before) && isCitableDate(parseInt(m[1], 10), parseInt(m[3], 10), y)) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** A citation's date as officials write it: "05/01/2023", "12/2022" (month only), "2022" (year only); '' when undated. */
export function formatCitationDate(citation: Citation): string {
  const d = citation.date;
  if (d) return (d.day !== null ? pad2(d.day) + '/' : '') + pad2(d.month) + '/' + d.year;
  return citation.yearOnly !== undefined ? String(citation.yearOnly) : '';
}
