import { GridCell } from '../grid';
import { foldText } from '../text/fold';
import { Points, parseDecimalUnits, unitsFromNumber } from './points';

/** What a score or maximum cell holds, read the way an official means it. */
export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; units: Points; fromText: false }
  | { kind: 'number'; units: Points; fromText: true; raw: string } // typed as text: "0,5", "1,25 điểm"
  | { kind: 'mark'; raw: string } // "x" on the tier row that applies
  | { kind: 'survey'; raw: string } // "ĐTXHH": scored by the sociological survey, not by the commune
  | { kind: 'error'; error: string }
  | { kind: 'text'; raw: string }; // words that are not a score

const EMPTY: CellReading = { kind: 'empty' };
const MARKS: { [folded: string]: boolean } = { x: true, v: true, '\u2713': true, '\u2714': true, '\u00d7': true };
const DASHES: { [text: string]: boolean } = { '-': true, '\u2013': true, '\u2014': true, '/': true };

/** Cheap pre-test on display text before folding it: "ĐTXHH", "điều tra xã hội học". */
export const MAY_MENTION_SURVEY = /txhh|h[o\u00f4\u1ed9]i h[o\u1ecd]c|\u0323/i;

export function isSurveyText(folded: string): boolean {
  return folded.indexOf('dtxhh') >= 0 || folded.indexOf('dieu tra xa hoi hoc') >= 0;
}

/**
 * Vietnamese text numbers: "0,5", "0.5", "1,25 điểm", "01 đ". Returns null for anything else,
 * so "18,5" is 18.5 and never 185, and "1.000,5" (thousands) is not guessed at.
 */
const PLAIN_NUMBER = /^\s*[+-]?\d+(?:[.,]\d+)?\s*$/;

export function parseTextNumber(text: string): Points | null {
  if (PLAIN_NUMBER.test(text)) return parseDecimalUnits(text.replace(/\s+/g, ''));
  if (text.length > 24 || !/\d/.test(text)) return null;
  let t = foldText(text);
  t = t.replace(/\s*(diem|d)\.?$/, '');
  t = t.replace(/\s+/g, '');
  return parseDecimalUnits(t);
}

/** Readings are immutable, and sheets repeat a few scores (0, 0,5, 1, 2…): share them instead of allocating one per cell. */
const NUMBER_READINGS: { [units: number]: CellReading } = {};
let numberReadingCount = 0;

function numberReading(units: Points): CellReading {
  const cached = NUMBER_READINGS[units];
  if (cached) return cached;
  const reading: CellReading = { kind: 'number', units: units, fromText: false };
  if (numberReadingCount < 1000) {
    NUMBER_READINGS[units] = reading;
    numberReadingCount++;
  }
  return reading;
}

/** "x" marks are typed the same way over and over: one shared (immutable) reading per spelling. */
const MARK_READINGS: { [raw: string]: CellReading } = {};
let markReadingCount = 0;

function markReading(raw: string): CellReading {
  if (Object.prototype.hasOwnProperty.call(MARK_READINGS, raw)) return MARK_READINGS[raw];
  const reading: CellReading = { kind: 'mark', raw: raw };
  if (markReadingCount < 100 && raw !== '__proto__') {
    MARK_READINGS[raw] = reading;
    markReadingCount++;
  }
  return reading;
}

export function readCell(cell: GridCell | null | undefined): CellReading {
  if (!cell) return EMPTY;
  if (cell.error) return { kind: 'error', error: cell.error };
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') {
    const units = unitsFromNumber(v);
    return units === null ? { kind: 'text', raw: String(v) } : numberReading(units);
  }
  if (typeof v === 'boolean') return { kind: 'text', raw: v ? 'TRUE' : 'FALSE' };
  const raw = String(v);
  // Most cells need no trimming: the test spares a new string per cell.
  const trimmed = /^\S[\s\S]*\S$|^\S$/.test(raw) ? raw : raw.replace(/^\s+|\s+$/g, '');
  if (trimmed === '' || DASHES[trimmed]) return EMPTY;
  if (/^#[A-Z0-9\/]+[!?]?$/.test(trimmed) && /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!)$/.test(trimmed)) {
    return { kind: 'error', error: trimmed };
  }
  if (trimmed.length <= 2 && MARKS[trimmed.toLowerCase()]) return markReading(raw);
  if (MAY_MENTION_SURVEY.test(trimmed) && isSurveyText(foldText(trimmed))) return { kind: 'survey', raw: raw };
  const units = parseTextNumber(trimmed);
  if (units !== null) return { kind: 'number', units: units, fromText: true, raw: raw };
  return { kind: 'text', raw: raw };
}

/** Cell text for reading names and evidence (numbers as typed, errors as their code). */
export function cellText(cell: GridCell | null | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const units = unitsFromNumber(v);
    return units === null ? String(v) : String(units / 1000000);
  }
  return String(v);
}
