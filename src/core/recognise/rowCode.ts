import { foldText } from '../text/fold';

/**
 * What the code cell of a body row says: a criterion code ("1", "I", "1.1", "1.1.1."), a lettered
 * part ("a)", "b."), a group letter above the fields ("A", "B"), a bullet that makes the row a tier or
 * note row ("-", "+"), a total row, or nothing. `style` tells outline numbering apart: fields
 * numbered I, II with criteria renumbered 1, 2 under each.
 */
export type CodeStyle = 'roman' | 'arabic' | 'dotted';

export type RowCode =
  | { kind: 'code'; code: string; depth: number; raw: string; style: CodeStyle }
  | { kind: 'letter'; letter: string; raw: string }
  | { kind: 'group'; letter: string; raw: string }
  | { kind: 'bullet'; raw: string }
  | { kind: 'total'; raw: string }
  | { kind: 'none' };

const ROMAN_VALUES: { [letter: string]: number } = { I: 1, V: 5, X: 10, L: 50 };

/** "IV" -> 4; null for anything that is not a plain roman numeral up to 89. */
export function romanToNumber(text: string): number | null {
  if (!/^(L?X{0,3})(IX|IV|V?I{0,3})$/.test(text) || text === '') return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text.charAt(i)];
    const next = i + 1 < text.length ? ROMAN_VALUES[text.charAt(i + 1)] : 0;
    total += value < next ? -value : value;
  }
  return total;
}

const TOTAL_WORDS = /^(tong cong|tong diem|tong so diem|tong so|tong|cong)\b/;

export function isTotalText(text: string): boolean {
  const folded = foldText(text);
  if (!TOTAL_WORDS.test(folded)) return false;
  if (folded.charAt(0) === 't') return true;
  // "Cộng" (a total) and "Công tác…" (a criterion) fold alike: the mark, or a bare word, tells them apart.
  return /^\s*c[\u1ed9\u1ed8]ng/i.test(text) || /^\s*cong\s*($|[(:\-])/i.test(text);
}

/** Normalised code text or null: roman first segment becomes arabic, trailing dot dropped. */
const PLAIN_CODE = /^[1-9]\d{0,4}(\.[1-9]\d{0,4})*$/;

export function normaliseCode(text: string): string | null {
  if (PLAIN_CODE.test(text)) return text; // the common case, already normal
  let t = text.replace(/^\s+|\s+$/g, '');
  t = t.replace(/\.$/, '');
  if (t === '') return null;
  const parts = t.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i].replace(/^\s+|\s+$/g, '');
    if (/^\d{1,5}$/.test(part)) {
      out.push(String(parseInt(part, 10)));
    } else if (i === 0 && /^[IVXL]+$/.test(part)) {
      const n = romanToNumber(part);
      if (n === null || n === 0) return null;
      out.push(String(n));
    } else {
      return null;
    }
  }
  return out.join('.');
}

/** A number typed in the code cell (1.1 as a number) back to the text the user typed. */
function codeCellText(value: string | number): string {
  if (typeof value === 'number') {
    if (!isFinite(value)) return '';
    return String(parseFloat(value.toPrecision(12)));
  }
  return value;
}

const BULLET = /^([-+*\u2022\u2013\u2014\u00b7\u25cf\u2212])$/;
/** "a)", "(a)", "a.", "a": a lettered part (or, when the sheet says so, a level). */
const LETTER = /^\(?([a-zđ])[).]?$/;
/** "A", "B.": a group of fields (A: self-assessed, B: the survey); never a roman numeral. */
const GROUP = /^([A-HJKMNOP-UWYZ])\.?$/;

function trim(text: string): string {
  // Most cells need no trimming; skipping the regex keeps big sheets from making garbage strings.
  const n = text.length;
  if (n === 0 || (isVisibleAscii(text.charCodeAt(0)) && isVisibleAscii(text.charCodeAt(n - 1)))) return text;
  return text.replace(/^\s+|\s+$/g, '');
}

function isVisibleAscii(code: number): boolean {
  return code > 32 && code < 127;
}

function codeDepth(code: string): number {
  let depth = 1;
  for (let i = code.indexOf('.'); i >= 0; i = code.indexOf('.', i + 1)) depth++;
  return depth;
}

function styleOf(raw: string, code: string): CodeStyle {
  if (code.indexOf('.') >= 0) return 'dotted';
  return /^[IVXL]/.test(raw) ? 'roman' : 'arabic';
}

function codeToken(code: string, raw: string): RowCode {
  return { kind: 'code', code: code, depth: codeDepth(code), raw: raw, style: styleOf(raw, code) };
}

/**
 * `codesInName`: the table has no code column, so a name may start with any code ("I. ", "1. ",
 * "a) "); with a code column only a dotted code ("1.1. Ban hành…") is taken from a name.
 */
export function readRowCode(codeValue: string | number | null, nameText: string, codesInName?: boolean): RowCode {
  const raw = codeValue === null ? '' : codeCellText(codeValue);
  const trimmed = trim(raw);
  if (trimmed !== '') {
    const code = normaliseCode(trimmed);
    if (code !== null) return codeToken(code, trimmed);
    if (BULLET.test(trimmed)) return { kind: 'bullet', raw: trimmed };
    const letter = LETTER.exec(trimmed);
    if (letter) return { kind: 'letter', letter: letter[1], raw: trimmed };
    const group = GROUP.exec(trimmed);
    if (group) return { kind: 'group', letter: group[1], raw: trimmed };
    if (isTotalText(trimmed)) return { kind: 'total', raw: trimmed };
    return { kind: 'bullet', raw: trimmed };
  }
  const name = nameText.replace(/^\s+/, '');
  if (name === '') return { kind: 'none' };
  if (isTotalText(name) && name.length < 60) return { kind: 'total', raw: name };
  // Codes written inside the name cell ("1.1. Ban hành kế hoạch…") when the code cell is empty.
  // "1.1. ", "I. ", "1. "; a bare "1 " only in a table without a code column, a bare "I" never (a word).
  const inName = /^((?:\d{1,3}|[IVX]{1,4})(?:\.\d{1,3})*\.?)\s+\S/.exec(name);
  if (inName && (inName[1].indexOf('.') >= 0 || (codesInName && /^\d+$/.test(inName[1])))) {
    const code = normaliseCode(inName[1]);
    if (code !== null) return codeToken(code, inName[1]);
  }
  const part = /^\(?([a-zđ])\)\s+\S/.exec(name);
  if (part) return { kind: 'letter', letter: part[1], raw: part[0].replace(/\s+\S$/, '') };
  const group = /^(?:phan\s+|phần\s+)?([A-HJKMNOP-UWYZ])[.)]\s+\S/i.exec(name);
  if (group && /^[A-Z]/.test(group[1])) return { kind: 'group', letter: group[1].toUpperCase(), raw: group[1] };
  if (/^[-+*\u2022\u2013\u00b7]\s/.test(name)) return { kind: 'bullet', raw: name.charAt(0) };
  return { kind: 'none' };
}

/** Code of the parent criterion: "1.2.3" -> "1.2"; fields have none. */
export function parentCode(code: string): string | null {
  const dot = code.lastIndexOf('.');
  return dot < 0 ? null : code.substring(0, dot);
}
