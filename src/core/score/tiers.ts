import { Points } from '../number/points';
import { parseTextNumber } from '../number/readCell';
import { ScoringTable } from '../model/types';
import { foldText } from '../text/fold';

/** The levels (mức điểm) a leaf may be given, as far as the sheet or a profile says. */
export interface TierInfo {
  /** Allowed scores; null when nothing restricts the score beyond 0..max. */
  allowed: Points[] | null;
  /** "điểm = tỷ lệ % × điểm tối đa": any score from 0 to the maximum. */
  proportional: boolean;
  /** Tier rows are parts that add up (each scored on its own row), not alternatives. */
  additive: boolean;
  source: 'rows' | 'guidance' | 'profile' | 'none';
}

const POINTS_IN_TEXT = /(\d+(?:[.,]\d+)?)\s*(?:diem|d)\b/g;

interface GuidanceTiers {
  points: Points[];
  proportional: boolean;
  deductions: boolean;
  /** "cứ tăng thêm 10% được cộng 0,1 điểm, tối đa 1 điểm": levels from the base up in steps, to a cap (the maximum when none). */
  increment: { step: Points; cap: Points | null } | null;
}

/** More levels than this from an increment rule are read as "any score up to the cap". */
const MAX_INCREMENT_LEVELS = 1000;

const STEP = /\bcu\s+(?:tang|them|dat|co)[^;\n]*?(?:duoc\s+)?(?:cong|them|tinh)\s+(?:them\s+)?(\d+(?:[.,]\d+)?)\s*(?:diem|d)\b/;
const CAP = /\btoi da\s+(?:la\s+|duoc\s+|bang\s+)?(\d+(?:[.,]\d+)?)\s*(?:diem|d)\b/;

/** Guidance texts repeat across rows and runs; reading each once keeps big tables linear and fast. */
const guidanceCache: { [text: string]: GuidanceTiers } = {};
let guidanceCacheSize = 0;

/** Levels written in words: "Hoàn thành 100%: 1 điểm; dưới 100%: 0 điểm" gives 1 and 0. */
export function tiersFromGuidance(text: string): GuidanceTiers {
  if (Object.prototype.hasOwnProperty.call(guidanceCache, text)) return guidanceCache[text];
  const result = readGuidance(text);
  if (guidanceCacheSize < 5000) {
    guidanceCache[text] = result;
    guidanceCacheSize++;
  }
  return result;
}

function readGuidance(text: string): GuidanceTiers {
  if (!/\d|t[yỷiỉ]/i.test(text)) return { points: [], proportional: false, deductions: false, increment: null };
  const folded = foldText(text);
  const points: Points[] = [];
  const stepMatch = STEP.exec(folded);
  const capMatch = stepMatch ? CAP.exec(folded) : null;
  const step = stepMatch ? parseTextNumber(stepMatch[1]) : null;
  let m: RegExpExecArray | null;
  POINTS_IN_TEXT.lastIndex = 0;
  while ((m = POINTS_IN_TEXT.exec(folded)) !== null) {
    // The step of an increment rule is no level of its own.
    if (stepMatch && m.index >= stepMatch.index && m.index < stepMatch.index + stepMatch[0].length) continue;
    const units = parseTextNumber(m[1]);
    if (units !== null && indexOfPoints(points, units) < 0) points.push(units);
  }
  const increment = step !== null && step > 0 ? { step: step, cap: capMatch ? parseTextNumber(capMatch[1]) : null } : null;
  const hasRatio = /\b(ty|ti) le\b/.test(folded);
  const multiplied = /[\u00d7*]|\bx\b|\bnhan\b|theo (ty|ti) le|tinh theo/.test(folded);
  return { points: points, proportional: hasRatio && multiplied && !increment, deductions: /\btru\b/.test(folded), increment: increment };
}

function indexOfPoints(list: Points[], value: Points): number {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return i;
  return -1;
}

/**
 * Most leaves have no tier rows and share a guidance text and maximum: their TierInfo (immutable) is
 * shared, found by guidance then max without building a key string per leaf.
 */
const plainLeafCache: { [guidance: string]: { [max: number]: TierInfo } } = {};
let plainLeafCacheSize = 0;
const tieredLeafCache: { [key: string]: TierInfo } = {};
let tieredLeafCacheSize = 0;

/** The levels leaf `i` of a table may be given: from its tier rows, its guidance text, else the profile. */
export function tierInfoFor(table: ScoringTable, i: number, max: Points, profileTiers: Points[] | null): TierInfo {
  const k = table.criteria;
  const inName = tierLinesInName(k.name[i]);
  const guidance = inName === '' ? k.guidance[i] : k.guidance[i] + '\n' + inName;
  if (k.tierEnd[i] > k.tierStart[i] || profileTiers || inName !== '') {
    const rowPoints: Points[] = [];
    let guidanceText = guidance;
    for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
      const p = table.tiers.points[j];
      if (p === p) rowPoints.push(p); // NaN: a note row, no points
      if (table.tiers.guidance[j]) guidanceText += '\n' + table.tiers.guidance[j];
    }
    if (profileTiers) return computeTierInfo(rowPoints, guidanceText, max, profileTiers);
    // Leaves with the same levels and words share one (immutable) TierInfo, as plain leaves do.
    const key = max + '|' + rowPoints.join(',') + '|' + guidanceText;
    if (Object.prototype.hasOwnProperty.call(tieredLeafCache, key)) return tieredLeafCache[key];
    const info = computeTierInfo(rowPoints, guidanceText, max, null);
    if (tieredLeafCacheSize < 5000) {
      tieredLeafCache[key] = info;
      tieredLeafCacheSize++;
    }
    return info;
  }
  const byMax = Object.prototype.hasOwnProperty.call(plainLeafCache, guidance) ? plainLeafCache[guidance] : null;
  if (byMax && Object.prototype.hasOwnProperty.call(byMax, max)) return byMax[max];
  const info = computeTierInfo([], guidance, max, null);
  if (plainLeafCacheSize < 5000 && guidance !== '__proto__') {
    (byMax || (plainLeafCache[guidance] = {}))[max] = info;
    plainLeafCacheSize++;
  }
  return info;
}

/**
 * Levels listed as lines inside the criterion's own name cell ("…\n- Đúng hạn: 1 điểm\n- Chậm: 0,5 điểm");
 * the first line is the name itself, whose numbers ("năm 2023") are no levels, and so are later lines
 * that give no points.
 */
export function tierLinesInName(name: string): string {
  const first = name.indexOf('\n');
  if (first < 0) return '';
  const lines = name.substring(first + 1).split('\n');
  const kept: string[] = [];
  // A later line that gives points ("- Chậm: 0,5 điểm", "Đạt 50%: 0,5 điểm; cứ tăng thêm…") states levels.
  for (let i = 0; i < lines.length; i++) if (/\d\s*(?:đi[eể]m|đ)(?![a-zà-ỹ])/i.test(lines[i])) kept.push(lines[i]);
  return kept.join('\n');
}

function computeTierInfo(rowPoints: Points[], guidanceText: string, max: Points, profileTiers: Points[] | null): TierInfo {
  const fromText = tiersFromGuidance(guidanceText);

  let sum = 0;
  let containsMax = false;
  for (let i = 0; i < rowPoints.length; i++) {
    sum += rowPoints[i];
    if (rowPoints[i] === max) containsMax = true;
  }
  const additive = rowPoints.length >= 2 && sum === max && !containsMax;
  if (fromText.proportional || fromText.deductions || additive) {
    return { allowed: null, proportional: fromText.proportional, additive: additive, source: rowPoints.length ? 'rows' : 'guidance' };
  }
  let allowed: Points[] = [];
  let source: TierInfo['source'] = 'none';
  if (rowPoints.length) {
    allowed = rowPoints.slice();
    source = 'rows';
  }
  if (fromText.points.length) {
    for (let i = 0; i < fromText.points.length; i++) if (indexOfPoints(allowed, fromText.points[i]) < 0) allowed.push(fromText.points[i]);
    if (source === 'none') source = 'guidance';
  }
  if (fromText.increment) {
    const levels = incrementLevels(fromText.points, fromText.increment, max);
    if (levels === null) return { allowed: null, proportional: true, additive: false, source: 'guidance' };
    for (let i = 0; i < levels.length; i++) if (indexOfPoints(allowed, levels[i]) < 0) allowed.push(levels[i]);
    if (source === 'none') source = 'guidance';
  }
  if (source === 'none' && profileTiers && profileTiers.length) {
    allowed = profileTiers.slice();
    source = 'profile';
  }
  if (source === 'none') return { allowed: null, proportional: false, additive: false, source: 'none' };
  // Not doing the task (0) and doing it fully (max) are always levels.
  if (indexOfPoints(allowed, 0) < 0) allowed.push(0);
  if (max > 0 && indexOfPoints(allowed, max) < 0) allowed.push(max);
  allowed.sort(function (a, b) {
    return b - a;
  });
  return { allowed: allowed, proportional: false, additive: false, source: source };
}

/**
 * The levels of "đạt 50%: 0,5 điểm; cứ tăng thêm 10% được cộng 0,1 điểm; tối đa 1 điểm": from the lowest
 * stated level above zero (else the step) up by the step to the cap. Null when that would be too many
 * levels to list, which is a score anywhere up to the cap.
 */
function incrementLevels(stated: Points[], increment: { step: Points; cap: Points | null }, max: Points): Points[] | null {
  const cap = increment.cap !== null ? increment.cap : max;
  let base = 0;
  for (let i = 0; i < stated.length; i++) if (stated[i] > 0 && stated[i] < cap && (base === 0 || stated[i] < base)) base = stated[i];
  if (base === 0) base = increment.step;
  if ((cap - base) / increment.step > MAX_INCREMENT_LEVELS) return null;
  const levels: Points[] = [];
  for (let level = base; level <= cap; level += increment.step) levels.push(level);
  if (indexOfPoints(levels, cap) < 0) levels.push(cap);
  return levels;
}

export function isAllowed(info: TierInfo, units: Points): boolean {
  return info.allowed === null || indexOfPoints(info.allowed, units) >= 0;
}
