import * as fs from 'fs';
import { columnIndex, columnLetters } from '../core/address';
import { CLI_TEXT, cliText, ExplainParam, explainTextBoth, ExplainTextKey, roleWithWords } from '../core/messages';
import { COLUMN_ROLES, ColumnChoice, ColumnChoices, ColumnRole } from '../core/recognise';
import { foldText } from '../core/text';
import { CchcError, cchcError } from '../core/errors';
import { fileProblemOf, isSystemError } from './systemErrors';

/**
 * The user's choice of columns: `--column [SHEET!]ROLE=COLUMN[,ROLE=COLUMN…]` (repeatable) and
 * `--columns FILE.json` ({ "Phụ lục 1": { "self": "E" }, "*": { "evidence": "G" } }), both into the
 * core's ColumnChoices (0-based columns, null for "no such column", "*" for every sheet).
 *
 * A column is written as Excel shows it, a letter A..XFD (any case), or as its 1-based number
 * (E = 5), the same in JSON (a JSON number is 1-based too); "none" (or "khong") says the sheet has
 * no such column. Roles are the English names of ColumnRole or Vietnamese aliases without diacritics
 * (diacritics, case, spaces and "_" are forgiven: "Tự đánh giá" = "tu-danh-gia" = "self").
 */

export const ROLES: ColumnRole[] = COLUMN_ROLES;

/** Folded alias → role. The first alias of each role after its English name is the one the help shows. */
export const ROLE_ALIASES: { [alias: string]: ColumnRole } = {
  code: 'code',
  ma: 'code',
  'ma-so': 'code',
  'ma-tieu-chi': 'code',
  name: 'name',
  'noi-dung': 'name',
  ten: 'name',
  'tieu-chi': 'name',
  max: 'max',
  'toi-da': 'max',
  'diem-toi-da': 'max',
  'thang-diem': 'max',
  self: 'self',
  'tu-danh-gia': 'self',
  'tu-cham': 'self',
  'diem-tu-danh-gia': 'self',
  appraised: 'appraised',
  'tham-dinh': 'appraised',
  'diem-tham-dinh': 'appraised',
  evidence: 'evidence',
  'kiem-chung': 'evidence',
  'minh-chung': 'evidence',
  'tai-lieu-kiem-chung': 'evidence',
  guidance: 'guidance',
  'huong-dan': 'guidance',
  note: 'note',
  'ghi-chu': 'note',
  percent: 'percent',
  'ty-le': 'percent',
  'ti-le': 'percent',
  appraisedpercent: 'appraisedPercent',
  'appraised-percent': 'appraisedPercent',
  'ty-le-tham-dinh': 'appraisedPercent',
  'ti-le-tham-dinh': 'appraisedPercent',
};

/** The role names an error message offers. */
export const KNOWN_ROLES_TEXT =
  'code/ma, name/noi-dung, max/toi-da, self/tu-danh-gia, appraised/tham-dinh, evidence/kiem-chung, guidance/huong-dan, note/ghi-chu, percent/ty-le, appraisedPercent/ty-le-tham-dinh';

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16384;

function usage(key: ExplainTextKey, params: { [name: string]: ExplainParam }): CchcError {
  return cchcError(key, params);
}

/** "Tự đánh giá", "tu_danh_gia", "SELF" → the role; null when it names none. */
export function roleFromName(name: string): ColumnRole | null {
  const key = foldText(name)
    .replace(/[\s_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return Object.prototype.hasOwnProperty.call(ROLE_ALIASES, key) ? ROLE_ALIASES[key] : null;
}

function role(name: string, where: string): ColumnRole {
  const r = roleFromName(name);
  if (!r) throw usage('unknownRole', { where: where, role: name, known: KNOWN_ROLES_TEXT });
  return r;
}

/**
 * "E" / "e" / "5" (1-based) → 4; "none" → null; a JSON number is 1-based like the text form.
 * Undefined when the value is not a column.
 */
export function parseColumnValue(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number') return value === Math.floor(value) && value >= 1 && value <= MAX_COLUMNS ? value - 1 : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.replace(/^\s+|\s+$/g, '');
  const folded = foldText(v);
  if (folded === 'none' || folded === 'khong' || folded === 'khong co') return null;
  if (/^[A-Za-z]{1,3}$/.test(v)) {
    const col = columnIndex(v);
    return col < MAX_COLUMNS ? col : undefined;
  }
  if (/^\d{1,5}$/.test(v)) {
    const n = parseInt(v, 10);
    return n >= 1 && n <= MAX_COLUMNS ? n - 1 : undefined;
  }
  return undefined;
}

function column(value: unknown, r: ColumnRole, where: string): number | null {
  const col = parseColumnValue(value);
  if (col === undefined) throw usage('badColumn', { where: where, value: typeof value === 'string' ? value : JSON.stringify(value), role: roleWithWords(r) });
  return col;
}

function columnText(col: number | null): string {
  return col === null ? 'none' : columnLetters(col);
}

function scopeText(sheet: string): ExplainParam {
  return sheet === '*' ? explainTextBoth('everySheet') : explainTextBoth('sheetScope', { sheet: sheet });
}

/** A sheet's choice gives one column at most one role. */
function checkOneRolePerColumn(choice: ColumnChoice, where: string): void {
  const seen: { [col: number]: ColumnRole } = {};
  for (let i = 0; i < ROLES.length; i++) {
    const col = choice[ROLES[i]];
    if (col === undefined || col === null) continue;
    if (Object.prototype.hasOwnProperty.call(seen, col)) throw usage('columnTwice', { where: where, col: columnLetters(col), first: seen[col], second: ROLES[i] });
    seen[col] = ROLES[i];
  }
}

/** "'Phụ lục 1'" (as Excel quotes it) → "Phụ lục 1". */
function unquoteSheet(sheet: string): string {
  const t = sheet.replace(/^\s+|\s+$/g, '');
  return t.length >= 2 && t.charAt(0) === "'" && t.charAt(t.length - 1) === "'" ? t.substring(1, t.length - 1).replace(/''/g, "'") : t;
}

/**
 * One `--column` value into `choices` (changed in place): "self=E", "self=E,max=D",
 * "Phụ lục 1!self=E". The same role given twice for the same sheet with two columns is an error.
 */
export function addColumnSpec(choices: ColumnChoices, spec: string): ColumnChoices {
  const bang = spec.lastIndexOf('!');
  let sheet = '*';
  if (bang >= 0) {
    sheet = unquoteSheet(spec.substring(0, bang));
    if (sheet === '') throw usage('emptySheetName', { spec: spec });
  }
  const pairs = spec
    .substring(bang + 1)
    .split(/[,;]/)
    .map((p) => p.replace(/^\s+|\s+$/g, ''))
    .filter((p) => p !== '');
  if (pairs.length === 0) throw usage('columnSyntax', { spec: spec });
  const choice: ColumnChoice = Object.prototype.hasOwnProperty.call(choices, sheet) ? choices[sheet] : (choices[sheet] = {});
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw usage('columnSyntax', { spec: spec });
    const r = role(pair.substring(0, eq), '--column');
    const col = column(pair.substring(eq + 1), r, '--column');
    const before = choice[r];
    if (before !== undefined && before !== col) throw usage('roleTwice', { role: r, scope: scopeText(sheet), first: columnText(before), second: columnText(col) });
    choice[r] = col;
  }
  checkOneRolePerColumn(choice, '--column');
  return choices;
}

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse's message, with the line and column of its "position N" where it gives one. */
function jsonErrorText(text: string, message: string): ExplainParam {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const before = text.replace(/^\uFEFF/, '').substring(0, parseInt(m[1], 10));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return { vi: message + cliText('jsonPosition', 'vi', { line: line, col: col }), en: message + cliText('jsonPosition', 'en', { line: line, col: col }) };
}

/** The text of a `--columns` file into ColumnChoices; `file` names it in messages. */
export function parseColumnsJson(text: string, file: string): ColumnChoices {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw usage('columnsFileInvalidJson', { file: file, reason: jsonErrorText(text, (error as Error).message) });
  }
  if (!isPlainObject(parsed)) throw usage('columnsFileShape', { file: file, where: explainTextBoth('columnsFileTop') });
  const choices: ColumnChoices = {};
  for (const key in parsed) {
    if (!Object.prototype.hasOwnProperty.call(parsed, key)) continue;
    const entry = parsed[key];
    const sheet = key.replace(/^\s+|\s+$/g, '') === '*' ? '*' : key;
    const where = file + ' › "' + key + '"';
    if (!isPlainObject(entry)) throw usage('columnsFileShape', { file: file, where: '"' + key + '"' });
    const choice: ColumnChoice = {};
    for (const name in entry) {
      if (!Object.prototype.hasOwnProperty.call(entry, name)) continue;
      const r = role(name, where);
      choice[r] = column(entry[name], r, where + ' › "' + name + '"');
    }
    checkOneRolePerColumn(choice, where);
    choices[sheet] = choice;
  }
  return choices;
}

/** Reads and parses a `--columns` file; an unreadable file is a usage error like a bad one. */
export function readColumnsFile(file: string): ColumnChoices {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code !== 'ENOENT' && e.code !== 'EISDIR' && isSystemError(e)) throw fileProblemOf(e, 'read', file);
    const reason = e.code === 'ENOENT' ? CLI_TEXT.noSuchFile : e.code === 'EISDIR' ? CLI_TEXT.isAFolder : e.message;
    throw usage('columnsFileUnreadable', { file: file, reason: reason });
  }
  return parseColumnsJson(text, file);
}

/** The file's choices under the command line's: a role named on the command line wins for its sheet. */
export function mergeChoices(base: ColumnChoices | undefined, over: ColumnChoices | undefined): ColumnChoices | undefined {
  if (!base) return over;
  if (!over) return base;
  const out: ColumnChoices = {};
  const sources = [base, over];
  for (const source of sources) {
    for (const sheet in source) {
      if (!Object.prototype.hasOwnProperty.call(source, sheet)) continue;
      const into: ColumnChoice = out[sheet] || (out[sheet] = {});
      const choice = source[sheet];
      for (const r of ROLES) if (Object.prototype.hasOwnProperty.call(choice, r)) into[r] = choice[r];
    }
  }
  for (const sheet in out) if (Object.prototype.hasOwnProperty.call(out, sheet)) checkOneRolePerColumn(out[sheet], '--column, --columns');
  return out;
}

function sameSheetName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/**
 * The choices with each sheet name as the workbook spells it (a name typed in another Unicode form
 * or case still matches, as Excel's own names are case-insensitive); a name the workbook does not
 * have is an error listing its sheets, never silently ignored.
 */
export function resolveSheetNames(choices: ColumnChoices, sheetNames: string[], fileLabel: string, source: string): ColumnChoices {
  const out: ColumnChoices = {};
  for (const key in choices) {
    if (!Object.prototype.hasOwnProperty.call(choices, key)) continue;
    if (key === '*') {
      out['*'] = choices[key];
      continue;
    }
    let name: string | null = sheetNames.indexOf(key) >= 0 ? key : null;
    if (name === null) {
      const close = sheetNames.filter((s) => sameSheetName(s, key));
      if (close.length === 1) name = close[0];
    }
    if (name === null) {
      const folded = foldText(key);
      const loose = sheetNames.filter((s) => foldText(s) === folded);
      if (loose.length === 1) name = loose[0];
    }
    if (name === null) throw usage('unknownSheet', { sheet: key, file: fileLabel, source: source, sheets: sheetNames.map((s) => '"' + s + '"').join(', ') });
    out[name] = choices[key];
  }
  return out;
}
