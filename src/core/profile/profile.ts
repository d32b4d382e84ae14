import { a1 } from '../address';
import { Flag, FLAG_SEVERITY, FlagKind, FlagParams } from '../check/flag';
import { ScoringTable } from '../model/types';
import { Points, unitsFromNumber } from '../number/points';
import { TableScore } from '../score/scoreTable';
import { foldText } from '../text/fold';
import haiDuong3395 from './profiles/hai-duong-3395-xa.json';

/** A province's rubric facts as data (see profile.schema.json); a new rubric is a new file. */
export interface ProfileField {
  code: string;
  name: string;
  max: number;
}

export interface ProfileCriterion {
  code?: string;
  name: string;
  max: number;
  tiers?: number[];
}

export interface ProfileAppendix {
  id: string;
  label: string;
  titleKeywords?: string[];
  selfAssessedMax?: number;
  fields?: ProfileField[];
  criteria?: ProfileCriterion[];
}

export interface Profile {
  id: string;
  title: string;
  /** The decision that issues the rubric, as tables cite it ("3395/QĐ-UBND"): a table citing it follows this profile. */
  decision?: string;
  titleEn?: string;
  source?: string;
  appendices: ProfileAppendix[];
}

export const BUILTIN_PROFILES: Profile[] = [haiDuong3395 as Profile];

export function findBuiltinProfile(id: string): Profile | null {
  for (let i = 0; i < BUILTIN_PROFILES.length; i++) if (BUILTIN_PROFILES[i].id === id) return BUILTIN_PROFILES[i];
  return null;
}

/** Checks a profile's shape (the rules of profile.schema.json); returns problems, empty when valid. */
export function validateProfile(value: unknown): string[] {
  const problems: string[] = [];
  const isObject = function (v: unknown): v is { [k: string]: unknown } {
    return typeof v === 'object' && v !== null && !(v instanceof Array);
  };
  const isNumber = function (v: unknown): boolean {
    return typeof v === 'number' && isFinite(v) && v >= 0;
  };
  if (!isObject(value)) return ['profile: not an object'];
  if (typeof value.id !== 'string' || !/^[a-z0-9-]+$/.test(value.id)) problems.push('id: lower-case letters, digits and "-" only');
  if (typeof value.title !== 'string' || value.title === '') problems.push('title: required text');
  const appendices = value.appendices;
  if (!(appendices instanceof Array) || appendices.length === 0) {
    problems.push('appendices: at least one');
    return problems;
  }
  for (let i = 0; i < appendices.length; i++) {
    const a = appendices[i];
    const where = 'appendices[' + i + ']';
    if (!isObject(a)) {
      problems.push(where + ': not an object');
      continue;
    }
    if (typeof a.id !== 'string') problems.push(where + '.id: required text');
    if (typeof a.label !== 'string') problems.push(where + '.label: required text');
    if (a.selfAssessedMax !== undefined && !isNumber(a.selfAssessedMax)) problems.push(where + '.selfAssessedMax: a number ≥ 0');
    const lists: Array<[string, unknown]> = [
      ['fields', a.fields],
      ['criteria', a.criteria],
    ];
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l][1];
      if (list === undefined) continue;
      if (!(list instanceof Array)) {
        problems.push(where + '.' + lists[l][0] + ': a list');
        continue;
      }
      for (let j = 0; j < list.length; j++) {
        const item = list[j];
        const w = where + '.' + lists[l][0] + '[' + j + ']';
        if (!isObject(item)) {
          problems.push(w + ': not an object');
          continue;
        }
        if (typeof item.name !== 'string') problems.push(w + '.name: required text');
        if (!isNumber(item.max)) problems.push(w + '.max: a number ≥ 0');
        if (lists[l][0] === 'fields' && typeof item.code !== 'string') problems.push(w + '.code: required text');
        if (item.tiers !== undefined) {
          const tiers = item.tiers;
          if (!(tiers instanceof Array)) problems.push(w + '.tiers: a list of numbers');
          else for (let k = 0; k < tiers.length; k++) if (!isNumber(tiers[k])) problems.push(w + '.tiers[' + k + ']: a number ≥ 0');
        }
      }
    }
  }
  return problems;
}

function nameMatches(sheetName: string, profileName: string): boolean {
  const a = foldText(sheetName);
  const b = foldText(profileName);
  return a === b || a.indexOf(b) >= 0 || (b.length > 20 && b.indexOf(a) >= 0 && a.length > 20);
}

function keywordIn(text: string, keyword: string): boolean {
  const k = foldText(keyword);
  let from = 0;
  for (;;) {
    const at = text.indexOf(k, from);
    if (at < 0) return false;
    const after = text.charAt(at + k.length);
    const before = at > 0 ? text.charAt(at - 1) : ' ';
    if (!/[a-z0-9]/.test(after) && !/[a-z0-9]/.test(before)) return true;
    from = at + 1;
  }
}

/** The profile's decision cited in a table's titles ("Quyết định 3395/QĐ-UBND"): the table says it follows this rubric. */
export function citesDecision(profile: Profile, table: ScoringTable): boolean {
  if (!profile.decision) return false;
  const wanted = foldText(profile.decision).replace(/\s+/g, '');
  const titles = foldText(table.titleLines.join(' ')).replace(/\s+/g, '');
  return titles.indexOf(wanted) >= 0;
}

/**
 * Which appendix of the profile a table is: by its field or criterion names; for a table that cites the
 * profile's decision (or a profile the user named: `named`), also by its titles and sheet name. A sheet
 * merely called "Phụ lục 1" is no reason to apply a province's rubric to it.
 */
export function identifyAppendix(profile: Profile, table: ScoringTable, named?: boolean): ProfileAppendix | null {
  for (let i = 0; i < profile.appendices.length; i++) {
    const appendix = profile.appendices[i];
    const fields = appendix.fields || [];
    if (fields.length) {
      let matched = 0;
      for (let f = 0; f < fields.length; f++) {
        for (let r = 0; r < table.rootIndexes.length; r++) {
          if (nameMatches(table.criteria.name[table.rootIndexes[r]], fields[f].name)) {
            matched++;
            break;
          }
        }
      }
      if (matched * 2 >= fields.length) return appendix;
    } else if (appendix.criteria && appendix.criteria.length && findCriterion(table, appendix.criteria[0]) >= 0) {
      return appendix;
    }
  }
  if (!named && !citesDecision(profile, table)) return null;
  const title = foldText(table.sheet + ' \n ' + table.titleLines.join(' \n '));
  for (let i = 0; i < profile.appendices.length; i++) {
    const keywords = profile.appendices[i].titleKeywords || [];
    for (let k = 0; k < keywords.length; k++) if (keywordIn(title, keywords[k])) return profile.appendices[i];
  }
  // Cited, but the titles do not say which appendix: the one whose fields the table has as many of.
  for (let i = 0; i < profile.appendices.length; i++) {
    const fields = profile.appendices[i].fields || [];
    if (fields.length && fields.length === table.rootIndexes.length) return profile.appendices[i];
  }
  return null;
}

/** The index of the table's node for a profile criterion (by code, else by name); -1 when none. */
function findCriterion(table: ScoringTable, criterion: ProfileCriterion): number {
  const k = table.criteria;
  for (let i = 0; i < k.row.length; i++) {
    if (criterion.code !== undefined ? k.code[i] === criterion.code : nameMatches(k.name[i], criterion.name)) return i;
  }
  return -1;
}

function units(n: number): Points {
  return unitsFromNumber(n) || 0;
}

/** Levels the profile fixes, by criterion code, for the score step. */
export function profileTiers(appendix: ProfileAppendix | null): { [code: string]: Points[] } {
  const tiers: { [code: string]: Points[] } = {};
  const criteria = appendix && appendix.criteria ? appendix.criteria : [];
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i];
    if (c.code && c.tiers) tiers[c.code] = c.tiers.map(units);
  }
  return tiers;
}

/** Cross-checks a scored table against the verified facts of its appendix. */
export function crossCheck(profile: Profile, appendix: ProfileAppendix, score: TableScore): Flag[] {
  const flags: Flag[] = [];
  const table = score.table;
  const base: FlagParams = { profile: profile.title, profileEn: profile.titleEn || profile.title };
  const add = function (kind: FlagKind, row: number, col: number | undefined, code: string, params: FlagParams): void {
    const p: FlagParams = {};
    for (const k in base) if (Object.prototype.hasOwnProperty.call(base, k)) p[k] = base[k];
    for (const k in params) if (Object.prototype.hasOwnProperty.call(params, k)) p[k] = params[k];
    const c = col === undefined ? -1 : col;
    flags.push({ kind: kind, severity: FLAG_SEVERITY[kind], sheet: table.sheet, cell: row >= 0 && c >= 0 ? a1(row, c) : '', row: c >= 0 ? row : -1, col: c, code: code, params: p });
  };
  const maxCol = table.columns.max;
  const fields = appendix.fields || [];
  const k = table.criteria;
  const f = score.figures;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    let root = -1;
    for (let r = 0; r < table.rootIndexes.length; r++) if (k.code[table.rootIndexes[r]] === field.code) root = table.rootIndexes[r];
    if (root < 0) {
      add('profile-mismatch', -1, undefined, field.code, { variant: 'missing-field', name: field.name });
      continue;
    }
    const shown = f.typedMax[root] === f.typedMax[root] ? f.typedMax[root] : f.selfAssessableMax[root];
    if (shown !== units(field.max)) add('max-mismatch', k.row[root], maxCol, field.code, { typed: shown, expected: units(field.max) });
  }
  if (appendix.selfAssessedMax !== undefined && score.selfAssessableMax !== units(appendix.selfAssessedMax)) {
    const totalRow = table.total ? table.total.cells.row : -1;
    add('max-mismatch', totalRow, totalRow >= 0 ? maxCol : undefined, '', { typed: score.selfAssessableMax, expected: units(appendix.selfAssessedMax) });
  }
  const criteria = appendix.criteria || [];
  for (let i = 0; i < criteria.length; i++) {
    const criterion = criteria[i];
    const node = findCriterion(table, criterion);
    if (node < 0) continue;
    if (f.max[node] !== units(criterion.max)) add('max-mismatch', k.row[node], maxCol, k.code[node], { typed: f.max[node], expected: units(criterion.max) });
    const tiers = f.tiers[node];
    if (criterion.tiers && tiers && tiers.allowed && tiers.source !== 'profile') {
      const expected = criterion.tiers.map(units).sort(descending);
      const actual = tiers.allowed.slice().sort(descending);
      if (expected.join(',') !== actual.join(',')) {
        add('profile-mismatch', k.row[node], maxCol, k.code[node], { variant: 'tiers', sheetTiers: actual, profileTiers: expected });
      }
    }
  }
  return flags;
}

function descending(a: number, b: number): number {
  return b - a;
}
