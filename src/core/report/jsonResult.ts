import { WorkbookAnalysis } from '../analyse';
import { flagMessage } from '../messages/catalogue';
import { Lang } from '../number/format';
import { percentHundredths, Points, unitsToNumber } from '../number/points';

/** The machine-readable result of `cchc score --json`: codes normalised, numbers as JSON numbers. */
export interface JsonResult {
  file: string | null;
  profile: string | null;
  sheets: Array<{
    name: string;
    appendix: string | null;
    fields: Array<{
      code: string;
      name: string;
      max: number;
      surveyMax: number;
      self: number;
      selfPercent: number | null;
      appraised: number | null;
      appraisedPercent: number | null;
      /** Points lost in appraisal (self - appraised over the appraised leaves); null without an appraised column. */
      lost: number | null;
    }>;
    total: { max: number; self: number; selfPercent: number | null; appraised: number | null; appraisedPercent: number | null };
  }>;
  skippedSheets: Array<{ name: string; reason: string }>;
  /** appraisedMax: maximum of the sheets with an appraised column, the base of appraisedPercent. */
  total: { max: number; self: number; selfPercent: number | null; appraised: number | null; appraisedMax: number | null; appraisedPercent: number | null };
  flags: Array<{ kind: string; severity: string; sheet: string; cell: string; code: string; score?: string; message: string }>;
  /** Criteria whose appraised score differs from the self-score; difference = appraised - self. */
  differences: Array<{ sheet: string; code: string; name: string; self: number; appraised: number; difference: number; selfCell: string; appraisedCell: string; evidence: string; explanation: string }>;
  counts: { error: number; warning: number; info: number };
  writes: number;
  highlights: number;
}

function pct(part: Points | null, whole: Points): number | null {
  if (part === null) return null;
  const h = percentHundredths(part, whole);
  return h === null ? null : h / 100;
}

function num(units: Points | null): number | null {
  return units === null ? null : unitsToNumber(units);
}

export function toJsonResult(analysis: WorkbookAnalysis, lang: Lang): JsonResult {
  const counts = { error: 0, warning: 0, info: 0 };
  // lostByField lists a sheet's fields in the order of its fields (one per root), sheet names being unique.
  const lostBySheet: { [sheet: string]: Points[] } = {};
  for (let i = 0; i < analysis.lostByField.length; i++) {
    const l = analysis.lostByField[i];
    (lostBySheet[l.sheet] || (lostBySheet[l.sheet] = [])).push(l.lost);
  }
  for (let i = 0; i < analysis.flags.length; i++) counts[analysis.flags[i].severity]++;
  return {
    file: analysis.fileName || null,
    profile: analysis.profile ? analysis.profile.id : null,
    sheets: analysis.sheets.map(function (s) {
      const lost = Object.prototype.hasOwnProperty.call(lostBySheet, s.name) ? lostBySheet[s.name] : null;
      return {
        name: s.name,
        appendix: s.appendix ? s.appendix.id : null,
        fields: s.fields.map(function (f, i) {
          return {
            code: f.code,
            name: f.name,
            max: unitsToNumber(f.max),
            surveyMax: unitsToNumber(f.surveyMax),
            self: unitsToNumber(f.self),
            selfPercent: pct(f.self, f.max),
            appraised: num(f.appraised),
            appraisedPercent: pct(f.appraised, f.max),
            lost: lost && i < lost.length ? unitsToNumber(lost[i]) : null,
          };
        }),
        total: {
          max: unitsToNumber(s.score.selfAssessableMax),
          self: unitsToNumber(s.score.self),
          selfPercent: pct(s.score.self, s.score.selfAssessableMax),
          appraised: num(s.score.appraised),
          appraisedPercent: pct(s.score.appraised, s.score.selfAssessableMax),
        },
      };
    }),
    skippedSheets: analysis.skipped.map(function (s) {
      return { name: s.name, reason: s.reason };
    }),
    total: {
      max: unitsToNumber(analysis.total.max),
      self: unitsToNumber(analysis.total.self),
      selfPercent: pct(analysis.total.self, analysis.total.max),
      appraised: num(analysis.total.appraised),
      appraisedMax: num(analysis.total.appraisedMax),
      appraisedPercent: analysis.total.appraisedMax === null ? null : pct(analysis.total.appraised, analysis.total.appraisedMax),
    },
    flags: analysis.flags.map(function (f) {
      const out: JsonResult['flags'][number] = { kind: f.kind, severity: f.severity, sheet: f.sheet, cell: f.cell, code: f.code, message: flagMessage(f, lang) };
      if (f.score) out.score = f.score;
      return out;
    }),
    differences: analysis.differences.map(function (d) {
      return {
        sheet: d.sheet,
        code: d.code,
        name: d.name,
        self: unitsToNumber(d.self),
        appraised: unitsToNumber(d.appraised),
        difference: unitsToNumber(d.difference),
        selfCell: d.selfCell,
        appraisedCell: d.appraisedCell,
        evidence: d.evidence,
        explanation: d.explanation,
      };
    }),
    counts: counts,
    writes: analysis.plan.writes.length,
    highlights: analysis.plan.highlights.length,
  };
}
